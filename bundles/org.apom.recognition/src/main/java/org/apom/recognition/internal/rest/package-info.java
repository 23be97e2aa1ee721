/** Recognition over HTTP: thin resources that parse, call one service and answer JSON. */
package org.apom.recognition.internal.rest;
