package io.sanctionsrisk.risk.webhook;

import io.sanctionsrisk.risk.web.PageQuery;
import io.sanctionsrisk.risk.web.PageView;
import io.sanctionsrisk.risk.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(
        name = "webhooks",
        description = "Alerts by webhook: band changes, thresholds, new model versions and stale data, signed the"
                + " Standard Webhooks way, retried, dead-lettered and redeliverable")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.RISK_ANALYST, Roles.ADMIN})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a URL to events",
            description = "The subscription belongs to the caller's organisation (the token's organisation claim, or"
                    + " its client id). Each event is posted as JSON {type, timestamp, data} with the headers"
                    + " webhook-id (the same on every attempt), webhook-timestamp (Unix seconds) and"
                    + " webhook-signature: v1, and the base64 HMAC-SHA256, keyed with the secret's decoded bytes, of"
                    + " id.timestamp.body. A 2xx answer within the timeout delivers it; anything else is retried with"
                    + " exponential backoff and dead-lettered after the last attempt. The URL must be https (http"
                    + " where allowed) and resolve to public addresses only, checked now and at every attempt.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "generated-secret",
                                        summary = "Band changes and new model versions; the secret is generated",
                                        value = "{\"url\": \"https://alerts.bank.example/sanctions-risk\", \"events\":"
                                                + " [\"band-change\", \"model-version\"]}"),
                                @ExampleObject(
                                        name = "own-secret",
                                        summary = "Every event, signed with the caller's own secret",
                                        value =
                                                "{\"url\": \"https://alerts.bank.example/sanctions-risk\", \"secret\":"
                                                        + " \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\", \"events\":"
                                                        + " [\"band-change\", \"threshold\", \"model-version\", \"stale-data\"]}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "The subscription with its secret, shown this once; Location is its URL",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON or does not match the schema")
    @APIResponse(
            responseCode = "422",
            description = "A URL that is not allowed (scheme, host, or an internal, link-local or metadata address),"
                    + " a bad secret, an unknown event, or too many subscriptions; every problem names its field")
    public Response create(WebhookRequest request) {
        WebhookView view = webhooks.create(request);
        return Response.created(URI.create("/api/v1/webhooks/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The owner's subscriptions, newest first, without secrets")
    @APIResponse(
            responseCode = "200",
            description = "One page, newest first",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad page or size")
    public PageView<WebhookView> list(@BeanParam PageQuery paging) {
        return webhooks.list(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One of the owner's subscriptions, without its secret")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organisation")
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a subscription",
            description = "Its deliveries, pending ones included, are deleted with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organisation")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log, newest first",
            description = "The owner's deliveries, optionally of one status and one subscription, without bodies.")
    @APIResponse(
            responseCode = "200",
            description = "One page, newest first",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", description = "A bad status, subscription, page or size")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organisation")
    public PageView<DeliveryView> deliveries(
            @Parameter(
                            description = "pending, delivering, delivered or dead",
                            example = "dead",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "A subscription id", example = "51", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("subscription")
                    String subscription,
            @BeanParam PageQuery paging) {
        return webhooks.deliveries(status, subscription, paging.page(), paging.size());
    }

    @GET
    @Path("/deliveries/{id}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with the body it posts")
    @APIResponse(
            responseCode = "200",
            description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of the caller's organisation")
    public DeliveryView delivery(@PathParam("id") long id) {
        return webhooks.delivery(id);
    }

    @POST
    @Path("/deliveries/{id}/redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery again",
            description = "A dead, delivered or pending delivery is due again now with a fresh set of attempts and"
                    + " the same webhook-id; one being attempted right now is left as it is.")
    @APIResponse(
            responseCode = "202",
            description = "Queued again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of the caller's organisation")
    public Response redeliver(@PathParam("id") long id) {
        return Response.accepted(webhooks.redeliver(id)).build();
    }
}
