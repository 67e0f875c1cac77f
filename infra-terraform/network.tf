# Security groups: nothing reaches a worker; the gateway is reached by the load balancer only; the
# database by the two services that write the ledger. Outbound: HTTPS (S3, ECR, CloudWatch, Secrets
# Manager, KMS, CloudFront's API, Temporal Cloud) and the Temporal frontend's port.

locals {
  temporal_port = local.temporal_cloud ? 7233 : try(tonumber(split(":", var.temporal_endpoint)[1]), 7233)
  gateway_port  = 8080
}

resource "aws_security_group" "alb" {
  name_prefix = "${local.prefix}-alb-"
  description = "The gateway's load balancer"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  for_each          = toset(var.alb_ingress_cidrs)
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from clients"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  for_each          = toset(var.alb_ingress_cidrs)
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from clients, redirected to HTTPS"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "alb_to_gateway" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the gateway tasks"
  referenced_security_group_id = aws_security_group.service["gateway"].id
  ip_protocol                  = "tcp"
  from_port                    = local.gateway_port
  to_port                      = local.gateway_port
}

# One group per service, so that rules (and flow logs) say which service is talking.
resource "aws_security_group" "service" {
  for_each    = toset(["cpu", "gpu", "catalogue", "gateway"])
  name_prefix = "${local.prefix}-${each.key}-"
  description = "The ${each.key} service's tasks"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "gateway_from_alb" {
  security_group_id            = aws_security_group.service["gateway"].id
  description                  = "From the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.gateway_port
  to_port                      = local.gateway_port
}

resource "aws_vpc_security_group_egress_rule" "service_https" {
  for_each          = aws_security_group.service
  security_group_id = each.value.id
  description       = "HTTPS to AWS APIs and Temporal Cloud"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "service_temporal" {
  for_each          = { for k, sg in aws_security_group.service : k => sg if local.temporal_port != 443 }
  security_group_id = each.value.id
  description       = "The Temporal frontend"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = local.temporal_port
  to_port           = local.temporal_port
}

resource "aws_vpc_security_group_egress_rule" "service_db" {
  for_each                     = toset(["cpu", "gateway"])
  security_group_id            = aws_security_group.service[each.key].id
  description                  = "The ledger database"
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_security_group" "db" {
  name_prefix = "${local.prefix}-db-"
  description = "The ledger database"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "db_from_services" {
  for_each                     = toset(["cpu", "gateway"])
  security_group_id            = aws_security_group.db.id
  description                  = "From the ${each.key} service (ledger writes)"
  referenced_security_group_id = aws_security_group.service[each.key].id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

# The GPU hosts themselves (the ECS agent, image pulls); their tasks use the gpu service's group.
resource "aws_security_group" "gpu_hosts" {
  name_prefix = "${local.prefix}-gpu-hosts-"
  description = "The GPU pool's EC2 hosts"
  vpc_id      = var.vpc_id
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "gpu_hosts_https" {
  security_group_id = aws_security_group.gpu_hosts.id
  description       = "HTTPS to ECS, ECR and CloudWatch"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
