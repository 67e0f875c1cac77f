# Secrets Manager holds every secret value; Terraform creates the secrets but never their values,
# so no key material enters the state or the plan. Put each value once after the first apply
# (README: "Secrets to fill"); ECS injects them into the tasks as environment variables.

# audiostems.watermark.keys[n].secret: base64 of 32 random bytes, one secret per key id.
resource "aws_secretsmanager_secret" "watermark_key" {
  for_each                = toset(var.watermark_key_ids)
  name                    = "${local.prefix}/watermark-keys/${each.key}"
  description             = "Watermark key ${each.key} (audiostems.watermark.keys[n].secret): base64 of 32 random bytes. A lost key makes its marks unreadable."
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
}

# audiostems.licence-tokens.keys[n].secret: base64 of 32 random bytes (AES-256-GCM).
resource "aws_secretsmanager_secret" "licence_token_key" {
  for_each                = toset(var.licence_token_key_ids)
  name                    = "${local.prefix}/licence-token-keys/${each.key}"
  description             = "Licence-token key ${each.key} (audiostems.licence-tokens.keys[n].secret): base64 of 32 random bytes."
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
}

# audiostems.serve.gateway-signing-secret: the HMAC key of the gateway's signed links, 32+ characters,
# the same on every gateway task.
resource "aws_secretsmanager_secret" "gateway_signing_secret" {
  name                    = "${local.prefix}/gateway-signing-secret"
  description             = "HMAC key of the gateway's signed links (audiostems.serve.gateway-signing-secret), 32 characters or more."
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 7
}

# audiostems.gateway.cdn.cloudfront.private-key-pem: PKCS#8 PEM of the key pair whose public half is
# var.cloudfront_public_key_pem.
resource "aws_secretsmanager_secret" "cloudfront_private_key" {
  name                    = "${local.prefix}/cloudfront-private-key"
  description             = "PKCS#8 PEM private key that signs CloudFront URLs (audiostems.gateway.cdn.cloudfront.private-key-pem)."
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 7
}

# audiostems.temporal.api-key: a Temporal Cloud API key of a service account with write access to
# the namespace (created in Temporal Cloud's console or tcld; it is not made here, so that the
# token never enters the state).
resource "aws_secretsmanager_secret" "temporal_api_key" {
  count                   = local.temporal_cloud ? 1 : 0
  name                    = "${local.prefix}/temporal-api-key"
  description             = "Temporal Cloud API key the workers authenticate with (audiostems.temporal.api-key)."
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 7
}

# The ledger's password is not here: RDS manages it in a secret of its own (rds.tf), encrypted with
# the same key and rotated by RDS.
