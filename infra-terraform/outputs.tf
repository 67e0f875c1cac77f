output "gateway_url" {
  description = "The gateway's load balancer (point your DNS name, the one on the certificate, at it)."
  value       = "https://${aws_lb.gateway.dns_name}"
}

output "gateway_load_balancer_zone_id" {
  description = "Hosted zone id of the load balancer, for a Route 53 alias record."
  value       = aws_lb.gateway.zone_id
}

output "store_bucket" {
  description = "The store bucket (audiostems.storage.s3.bucket)."
  value       = aws_s3_bucket.store.id
}

output "store_dr_bucket" {
  description = "Its replica in dr_region."
  value       = aws_s3_bucket.store_dr.id
}

output "store_kms_key_arn" {
  description = "The store's SSE-KMS key (audiostems.storage.s3.kms-key-id)."
  value       = aws_kms_key.store.arn
}

output "delivery_distribution_id" {
  description = "CloudFront distribution of marked copies (audiostems.delivery.cloudfront.distribution-id)."
  value       = aws_cloudfront_distribution.delivery.id
}

output "delivery_base_url" {
  description = "Base URL of marked copies (audiostems.gateway.cdn.cloudfront.base-url)."
  value       = "https://${aws_cloudfront_distribution.delivery.domain_name}"
}

output "delivery_key_pair_id" {
  description = "Id of the public key in the trusted key group (audiostems.gateway.cdn.cloudfront.key-pair-id)."
  value       = aws_cloudfront_public_key.delivery.id
}

output "ledger_endpoint" {
  description = "The ledger's PostgreSQL endpoint, host:port."
  value       = "${aws_db_instance.ledger.address}:${aws_db_instance.ledger.port}"
}

output "ledger_secret_arn" {
  description = "The RDS-managed secret with the ledger user's password (JSON: username, password)."
  value       = aws_db_instance.ledger.master_user_secret[0].secret_arn
}

output "secrets_to_fill" {
  description = "Secrets created empty: put each value once (README: Secrets to fill) before the services can start."
  value = merge(
    { for id, s in aws_secretsmanager_secret.watermark_key : "watermark key ${id}" => s.arn },
    { for id, s in aws_secretsmanager_secret.licence_token_key : "licence-token key ${id}" => s.arn },
    {
      "gateway signing secret" = aws_secretsmanager_secret.gateway_signing_secret.arn
      "cloudfront private key" = aws_secretsmanager_secret.cloudfront_private_key.arn
    },
    { for s in aws_secretsmanager_secret.temporal_api_key : "temporal api key" => s.arn },
  )
}

output "temporal_target" {
  description = "The Temporal frontend the services use (audiostems.temporal.target)."
  value       = local.temporal_target
}

output "temporal_namespace" {
  description = "The namespace the services use (audiostems.temporal.namespace)."
  value       = local.temporal_namespace
}

output "ecs_cluster" {
  description = "The ECS cluster's name."
  value       = aws_ecs_cluster.this.name
}

output "backlog_metric" {
  description = "The CloudWatch metric the pools scale on, which the workers must publish."
  value = {
    namespace   = var.metrics_namespace
    metric_name = local.backlog_metric_name
    dimension   = "task_queue"
    queues      = [local.task_queue_cpu, local.task_queue_gpu]
  }
}
