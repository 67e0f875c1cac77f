package com.audiostems.gateway.openapi;

import com.audiostems.gateway.security.ApiKeyAuthenticationFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header: what the API is and how to authenticate (Swagger UI's
 * "Authorize").
 */
@Configuration
public class OpenApiConfiguration {
  private static final String API_KEY = "apiKey";
  private static final String PROBLEM = "Problem";

  @Bean
  OpenAPI audiostemsOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("AudioStems API")
                .version("v1")
                .description(
                    "Upload a source file, start its track, follow its progress and download every delivery format. "
                        + "Errors are RFC 9457 problem details. Roles: uploader (uploads, start, own tracks), "
                        + "operator (all tracks, list, re-process, delete), admin (everything, actuator)."))
        .components(
            new Components()
                .addSchemas(PROBLEM, problemSchema())
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(ApiKeyAuthenticationFilter.HEADER)))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /** Every operation's errors: an RFC 9457 problem whose type names the case. */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      operation
          .getResponses()
          .addApiResponse(
              "default",
              new ApiResponse()
                  .description(
                      "An RFC 9457 problem: its type (urn:audiostems:problem:...) names the case, its detail what to do.")
                  .content(
                      new Content()
                          .addMediaType(
                              org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                              new MediaType()
                                  .schema(
                                      new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
      return operation;
    };
  }

  private static Schema<?> problemSchema() {
    return new Schema<>()
        .type("object")
        .addProperty("type", new Schema<>().type("string").format("uri"))
        .addProperty("title", new Schema<>().type("string"))
        .addProperty("status", new Schema<>().type("integer"))
        .addProperty("detail", new Schema<>().type("string"))
        .addProperty("instance", new Schema<>().type("string").format("uri"));
  }
}
