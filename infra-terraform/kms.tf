# Customer-managed keys, one per kind of data, each rotated yearly by KMS. Key policies give the
# account's IAM the say (the usual root statement); the roles in iam.tf are granted what they use.

# Masters, outputs, marked copies: SSE-KMS of the store bucket (audiostems.storage.s3.encryption=kms).
resource "aws_kms_key" "store" {
  description             = "${local.prefix}: objects of the store bucket"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "store" {
  name          = "alias/${local.prefix}-store"
  target_key_id = aws_kms_key.store.key_id
}

# Its own policy resource: CloudFront's grant names the distribution, which needs the bucket, which
# needs this key.
resource "aws_kms_key_policy" "store" {
  key_id = aws_kms_key.store.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministersThroughIam"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        # Origin access control reads marked copies, which are SSE-KMS objects: CloudFront must
        # decrypt them, for this distribution only.
        Sid       = "DeliveryDistributionDecrypts"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "kms:Decrypt"
        Resource  = "*"
        Condition = {
          StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.delivery.arn }
        }
      },
    ]
  })
}

# The replica bucket's key, in the disaster-recovery region.
resource "aws_kms_key" "store_dr" {
  provider                = aws.dr
  description             = "${local.prefix}: objects of the store bucket's disaster-recovery replica"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "store_dr" {
  provider      = aws.dr
  name          = "alias/${local.prefix}-store-dr"
  target_key_id = aws_kms_key.store_dr.key_id
}

# Secrets Manager values: watermark keys, licence-token keys, the CloudFront signing key, the link
# signing secret, the Temporal API key and the database's master password.
resource "aws_kms_key" "secrets" {
  description             = "${local.prefix}: Secrets Manager values"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${local.prefix}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

# The ledger's storage, snapshots and Performance Insights.
resource "aws_kms_key" "db" {
  description             = "${local.prefix}: the ledger database"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "db" {
  name          = "alias/${local.prefix}-db"
  target_key_id = aws_kms_key.db.key_id
}
