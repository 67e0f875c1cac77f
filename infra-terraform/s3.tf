# The store: one bucket that every service shares (audiostems.storage.s3.bucket). The application
# keeps everything in it under these keys (workflows/.../BlobKeys, DeliveryKeys):
#   uploads/<id>/...                sources as uploaded, and the gateway's upload tickets
#   tracks/<id>/v<n>/outputs/...    encoded outputs; manifest.json, analysis.json, quality/, fingerprint
#   catalogue/, references/         the fingerprint catalogue's records
#   watermarks/<payload>.json       the watermark registry
#   identify/<id>/...               identification queries
#   licences/<id>/copies/...        licensees' marked copies: the only keys CloudFront may read
# Masters (uploads and outputs of 128 KiB or more) are written INTELLIGENT_TIERING by the
# application itself (S3StorageClasses), so no lifecycle transition is needed for them.

resource "aws_s3_bucket" "store" {
  bucket = "${local.prefix}-store-${local.account_id}"
}

resource "aws_s3_bucket_ownership_controls" "store" {
  bucket = aws_s3_bucket.store.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "store" {
  bucket                  = aws_s3_bucket.store.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "store" {
  bucket = aws_s3_bucket.store.id
  versioning_configuration {
    status = "Enabled"
  }
}

# The application asks for SSE-KMS with this key on every write; the default covers objects that
# clients PUT through presigned URLs.
resource "aws_s3_bucket_server_side_encryption_configuration" "store" {
  bucket = aws_s3_bucket.store.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.store.arn
    }
    # One data key per bucket rather than per object: far fewer KMS requests at 10,000 tracks/h.
    bucket_key_enabled = true
  }
}

# No aws_s3_bucket_intelligent_tiering_configuration on purpose: its opt-in Archive tiers would make
# old masters unreadable until restored, and every stage reads masters with a plain GET.

resource "aws_s3_bucket_lifecycle_configuration" "store" {
  bucket = aws_s3_bucket.store.id

  rule {
    id     = "expire-replaced-versions"
    status = "Enabled"
    filter {
      prefix = var.store_key_prefix
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }
    # Presigned multipart uploads a client never completed.
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # A withdrawn licence's copies must not linger as old versions either.
  rule {
    id     = "expire-withdrawn-copies"
    status = "Enabled"
    filter {
      prefix = "${var.store_key_prefix}licences/"
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  rule {
    id     = "remove-expired-delete-markers"
    status = "Enabled"
    filter {
      prefix = var.store_key_prefix
    }
    expiration {
      expired_object_delete_marker = true
    }
  }

  depends_on = [aws_s3_bucket_versioning.store]
}

resource "aws_s3_bucket_policy" "store" {
  bucket = aws_s3_bucket.store.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "TlsOnly"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.store.arn, "${aws_s3_bucket.store.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        # Origin access control: the delivery distribution reads marked copies and nothing else.
        Sid       = "DeliveryDistributionReadsMarkedCopies"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${local.store_objects_arn}licences/*"
        Condition = {
          StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.delivery.arn }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.store]
}

# --- Disaster recovery: a replica in dr_region -----------------------------------------------------

resource "aws_s3_bucket" "store_dr" {
  provider = aws.dr
  bucket   = "${local.prefix}-store-dr-${local.account_id}"
}

resource "aws_s3_bucket_ownership_controls" "store_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.store_dr.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "store_dr" {
  provider                = aws.dr
  bucket                  = aws_s3_bucket.store_dr.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "store_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.store_dr.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "store_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.store_dr.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.store_dr.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "store_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.store_dr.id

  rule {
    id     = "expire-replaced-versions"
    status = "Enabled"
    filter {
      prefix = var.store_key_prefix
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }
  }

  rule {
    id     = "expire-withdrawn-copies"
    status = "Enabled"
    filter {
      prefix = "${var.store_key_prefix}licences/"
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.store_dr]
}

resource "aws_s3_bucket_policy" "store_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.store_dr.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.store_dr.arn, "${aws_s3_bucket.store_dr.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.store_dr]
}

# Every object, its deletions included (a withdrawn copy leaves the replica too), re-encrypted with
# the DR region's key. Replicas keep the source's storage class: masters stay INTELLIGENT_TIERING.
resource "aws_s3_bucket_replication_configuration" "store" {
  role   = aws_iam_role.replication.arn
  bucket = aws_s3_bucket.store.id

  rule {
    id     = "disaster-recovery"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket = aws_s3_bucket.store_dr.arn
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.store_dr.arn
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.store, aws_s3_bucket_versioning.store_dr]
}
