# Delivery: licensees download their marked copies through CloudFront signed URLs. The gateway
# signs them (audiostems.gateway.cdn.cloudfront.*: base-url, key-pair-id, private-key-pem) with the
# private half of the key pair whose public half is in this key group. The distribution reads the
# store bucket through origin access control, and the bucket policy lets it read licences/ only;
# without a valid signature CloudFront answers 403 to any path.

resource "aws_cloudfront_public_key" "delivery" {
  name        = "${local.prefix}-delivery"
  comment     = "Signs licensees' marked-copy URLs (the gateway holds the private key)"
  encoded_key = var.cloudfront_public_key_pem
}

resource "aws_cloudfront_key_group" "delivery" {
  name    = "${local.prefix}-delivery"
  comment = "Trusted signers of the delivery distribution"
  items   = [aws_cloudfront_public_key.delivery.id]
}

resource "aws_cloudfront_origin_access_control" "store" {
  name                              = "${local.prefix}-store"
  description                       = "The delivery distribution's signed reads of the store bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# Caches by path only: the signature's query string is checked, then left out of the cache key,
# so every licensee's link to the same copy hits one cached object. Copies are per licence, so a
# cached object is only ever that licence's.
data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

resource "aws_cloudfront_distribution" "delivery" {
  enabled         = true
  comment         = "${local.prefix}: licensees' marked copies"
  price_class     = var.cloudfront_price_class
  is_ipv6_enabled = true
  http_version    = "http2and3"

  origin {
    origin_id                = "store"
    domain_name              = aws_s3_bucket.store.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.store.id
    # A copy's URL is base-url plus its store key (licences/<id>/copies/<file>); the key prefix,
    # when there is one, lives here so that URL and object key agree.
    origin_path = var.store_key_prefix == "" ? "" : "/${trimsuffix(var.store_key_prefix, "/")}"
  }

  default_cache_behavior {
    target_origin_id       = "store"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "https-only"
    compress               = false
    cache_policy_id        = data.aws_cloudfront_cache_policy.caching_optimized.id
    trusted_key_groups     = [aws_cloudfront_key_group.delivery.id]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
