package org.apom.rest.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.apom.core.api.ApiApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * JSON for the "apom" application (and {@code application/*+json}, such as problem+json). Apom's own
 * provider rather than the whiteboard's shared one, so the API's JSON rules are ours: ISO 8601 dates, and an
 * unknown field in a request is an error rather than silently dropped data.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class}, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(ApiApplications.EVERY)
public final class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(mapper());
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
