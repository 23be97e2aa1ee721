// Apom: Swagger UI over the document this platform serves; "Authorize" takes a login or an integrator's token.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "../v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    validatorUrl: null
  });
};
