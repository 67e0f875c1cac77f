# The gateway behind an internet-facing Application Load Balancer: HTTPS with the given ACM
# certificate, HTTP redirected to it. Actuator's health answers the load balancer; its other
# endpoints (metrics, prometheus) are not served to the internet.

resource "aws_lb" "gateway" {
  # ALB names stop at 32 characters.
  name                       = trimsuffix(substr("${local.prefix}-gateway", 0, 32), "-")
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  # Uploads are presigned S3 PUTs, so requests are small; a marked copy may take a while to be
  # answered (the gateway answers 202 within seconds): the default idle timeout is enough.
  idle_timeout = 60
}

resource "aws_lb_target_group" "gateway" {
  name_prefix = "gw-"
  port        = local.gateway_port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  # Let requests in flight finish (the gateway shuts down gracefully).
  deregistration_delay = 30

  health_check {
    path                = "/actuator/health/readiness"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.gateway.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.gateway.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.gateway.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

# /actuator/health stays reachable (load balancer, uptime checks); the rest of /actuator is internal.
resource "aws_lb_listener_rule" "actuator_internal" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  condition {
    path_pattern {
      values = ["/actuator/*"]
    }
  }

  action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      status_code  = "404"
      message_body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}"
    }
  }
}

resource "aws_lb_listener_rule" "actuator_health" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 5

  condition {
    path_pattern {
      values = ["/actuator/health", "/actuator/health/*"]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.gateway.arn
  }
}
