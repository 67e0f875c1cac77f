# Optional: a Temporal Cloud namespace for the workers, with API-key authentication
# (audiostems.temporal.api-key). Without temporal_cloud_namespace the services use temporal_endpoint.
# The provider reads TEMPORAL_CLOUD_API_KEY (an account API key of whoever runs tofu).

resource "temporalcloud_namespace" "this" {
  count          = local.temporal_cloud ? 1 : 0
  name           = var.temporal_cloud_namespace
  regions        = [var.temporal_cloud_region]
  retention_days = var.temporal_cloud_retention_days
  api_key_auth   = true
}

# The gateway command hands the gateway only the Temporal target and namespace (app's
# EmbeddedGateway), and the gateway's own Temporal settings have no API key or mTLS: against Temporal
# Cloud the workers connect and the gateway does not. Warn rather than fail, so that the rest of the
# deployment can still be planned.
check "gateway_reaches_temporal" {
  assert {
    condition     = !local.temporal_cloud
    error_message = "The gateway cannot authenticate to Temporal Cloud yet (no API key or mTLS in its Temporal settings): with temporal_cloud_namespace set, the gateway tasks will fail to connect."
  }
}
