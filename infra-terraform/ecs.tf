# One ECS cluster: the CPU pool, the catalogue worker and the gateway on Fargate, the GPU pool on
# GPU EC2 hosts of its own capacity provider.

resource "aws_ecs_cluster" "this" {
  name = local.prefix

  # Container Insights: RunningTaskCount per service, which the backlog-per-task scaling divides by.
  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  lifecycle {
    precondition {
      condition     = local.temporal_cloud || var.temporal_endpoint != ""
      error_message = "Set temporal_endpoint (host:port of your Temporal frontend) or temporal_cloud_namespace: the services need a Temporal server."
    }
    precondition {
      condition     = var.region != var.dr_region
      error_message = "dr_region must differ from region: the replica is the disaster-recovery copy."
    }
    precondition {
      condition     = contains(var.watermark_key_ids, local.watermark_current_key_id) && contains(var.licence_token_key_ids, local.licence_token_current_key_id)
      error_message = "watermark_current_key_id and licence_token_current_key_id must be one of their key id lists."
    }
  }
}

resource "aws_cloudwatch_log_group" "service" {
  for_each          = local.services
  name              = "/ecs/${local.prefix}/${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", aws_ecs_capacity_provider.gpu.name]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

# --- GPU hosts -------------------------------------------------------------------------------------

data "aws_ssm_parameter" "gpu_ami" {
  name = var.gpu_ami_ssm_parameter
}

resource "aws_launch_template" "gpu" {
  name_prefix   = "${local.prefix}-gpu-"
  image_id      = data.aws_ssm_parameter.gpu_ami.value
  instance_type = var.gpu_instance_type

  iam_instance_profile {
    arn = aws_iam_instance_profile.gpu_host.arn
  }

  vpc_security_group_ids = [aws_security_group.gpu_hosts.id]

  # Joins the cluster with GPU support on; tasks (awsvpc) cannot reach the host's metadata and so
  # never get the host role's credentials, only their own task role's.
  user_data = base64encode(<<-EOT
    #!/bin/bash
    cat >> /etc/ecs/ecs.config <<CONFIG
    ECS_CLUSTER=${aws_ecs_cluster.this.name}
    ECS_ENABLE_GPU_SUPPORT=true
    ECS_AWSVPC_BLOCK_IMDS=true
    ECS_CONTAINER_STOP_TIMEOUT=120s
    CONFIG
  EOT
  )

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 200
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(local.tags, { Name = "${local.prefix}-gpu" })
  }
}

resource "aws_autoscaling_group" "gpu" {
  name_prefix         = "${local.prefix}-gpu-"
  vpc_zone_identifier = var.private_subnet_ids
  min_size            = var.gpu_hosts.min
  max_size            = var.gpu_hosts.max
  # ECS managed termination protection needs it: the capacity provider decides which host may go.
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.gpu.id
    version = aws_launch_template.gpu.latest_version
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }

  lifecycle {
    # The capacity provider moves the desired capacity.
    ignore_changes = [desired_capacity]
  }
}

resource "aws_ecs_capacity_provider" "gpu" {
  name = "${local.prefix}-gpu"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.gpu.arn
    managed_termination_protection = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = 100
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = 4
    }
  }
}
