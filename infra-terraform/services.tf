# The four services, each the same image with its own arguments and settings. Every setting is an
# AUDIOSTEMS_* variable that Spring's relaxed binding maps onto the application's keys
# (AUDIOSTEMS_STORAGE_S3_BUCKET is audiostems.storage.s3.bucket, AUDIOSTEMS_WATERMARK_KEYS_0_ID is
# audiostems.watermark.keys[0].id); see app/src/main/resources/application.yml for their meaning.

locals {
  # The store and the Temporal server: the same for every service (the gateway is handed the store
  # settings by the gateway command itself).
  store_env = merge(
    {
      AUDIOSTEMS_STORAGE_KIND                  = "s3"
      AUDIOSTEMS_STORAGE_S3_BUCKET             = aws_s3_bucket.store.id
      AUDIOSTEMS_STORAGE_S3_REGION             = var.region
      AUDIOSTEMS_STORAGE_S3_MASTERSTORAGECLASS = "intelligent-tiering"
      AUDIOSTEMS_STORAGE_S3_ENCRYPTION         = "kms"
      AUDIOSTEMS_STORAGE_S3_KMSKEYID           = aws_kms_key.store.arn
    },
    { for k, v in { AUDIOSTEMS_STORAGE_S3_PREFIX = var.store_key_prefix } : k => v if v != "" },
  )

  temporal_env = {
    AUDIOSTEMS_TEMPORAL_TARGET    = local.temporal_target
    AUDIOSTEMS_TEMPORAL_NAMESPACE = local.temporal_namespace
    # Below the container's stop timeout (120 s): running activities finish or hand over first.
    AUDIOSTEMS_TEMPORAL_SHUTDOWNGRACE = "100s"
    AUDIOSTEMS_WORKDIR                = "${local.scratch_dir}/work"
    AUDIOSTEMS_TEMPORAL_DATADIR       = "${local.scratch_dir}/data"
  }

  # The ledger (names as the ledger module's LedgerSettings: jdbc-url, user, password).
  ledger_env = {
    AUDIOSTEMS_LEDGER_JDBCURL = "jdbc:postgresql://${aws_db_instance.ledger.address}:${aws_db_instance.ledger.port}/${local.db_name}?sslmode=require"
    AUDIOSTEMS_LEDGER_USER    = local.db_user
  }
  ledger_secrets = {
    AUDIOSTEMS_LEDGER_PASSWORD = "${aws_db_instance.ledger.master_user_secret[0].secret_arn}:password::"
  }

  temporal_secrets = { for s in aws_secretsmanager_secret.temporal_api_key : "AUDIOSTEMS_TEMPORAL_APIKEY" => s.arn }

  # Micrometer's CloudWatch registry (management.cloudwatch.metrics.export.namespace).
  metrics_env = {
    MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE = var.metrics_namespace
  }

  watermark_env = merge(
    { for i, id in var.watermark_key_ids : "AUDIOSTEMS_WATERMARK_KEYS_${i}_ID" => id },
    { AUDIOSTEMS_WATERMARK_CURRENTKEYID = local.watermark_current_key_id },
  )
  watermark_secrets = { for i, id in var.watermark_key_ids : "AUDIOSTEMS_WATERMARK_KEYS_${i}_SECRET" => aws_secretsmanager_secret.watermark_key[id].arn }

  licence_token_env = merge(
    { for i, id in var.licence_token_key_ids : "AUDIOSTEMS_LICENCETOKENS_KEYS_${i}_ID" => id },
    { AUDIOSTEMS_LICENCETOKENS_CURRENTKEYID = local.licence_token_current_key_id },
  )
  licence_token_secrets = { for i, id in var.licence_token_key_ids : "AUDIOSTEMS_LICENCETOKENS_KEYS_${i}_SECRET" => aws_secretsmanager_secret.licence_token_key[id].arn }

  gateway_api_key_env = merge([
    for i, k in var.gateway_api_keys : {
      "AUDIOSTEMS_SERVE_GATEWAYAPIKEYS_${i}_NAME"      = k.name
      "AUDIOSTEMS_SERVE_GATEWAYAPIKEYS_${i}_KEYSHA256" = k.key_sha256
      "AUDIOSTEMS_SERVE_GATEWAYAPIKEYS_${i}_ROLE"      = k.role
    }
  ]...)

  # What each service runs and is given. heap_percent: the JVM heap's share of the task's memory
  # (the CPU pool leaves most of it to its ffmpeg processes).
  containers = {
    cpu = {
      command        = ["worker", "--pool", "cpu"]
      heap_percent   = 50
      port           = null
      gpus           = 0
      ephemeral_gib  = var.cpu_task.ephemeral_gib
      cpu            = var.cpu_task.cpu
      memory         = var.cpu_task.memory
      fargate        = true
      stop_timeout_s = 120
      environment = merge(local.store_env, local.temporal_env, local.metrics_env, local.watermark_env, local.ledger_env, {
        # Half the disk for S3 sources kept between a track's stages; the rest is ffmpeg's scratch.
        AUDIOSTEMS_MEDIA_WORKINGCOPIESMAXSIZE = "${floor(var.cpu_task.ephemeral_gib / 2)}GB"
        # Withdrawn licences' copies are invalidated in this distribution.
        AUDIOSTEMS_DELIVERY_CLOUDFRONT_DISTRIBUTIONID = aws_cloudfront_distribution.delivery.id
      })
      secrets = merge(local.watermark_secrets, local.ledger_secrets, local.temporal_secrets)
    }
    gpu = {
      command        = ["worker", "--pool", "gpu"]
      heap_percent   = 75
      port           = null
      gpus           = var.gpu_task.gpus
      ephemeral_gib  = null
      cpu            = var.gpu_task.cpu
      memory         = var.gpu_task.memory
      fargate        = false
      stop_timeout_s = 120
      environment = merge(local.store_env, local.temporal_env, local.metrics_env, {
        AUDIOSTEMS_MEDIA_WORKINGCOPIESMAXSIZE = "50GB"
      })
      secrets = local.temporal_secrets
    }
    catalogue = {
      command        = ["worker", "--pool", "catalogue"]
      heap_percent   = 75
      port           = null
      gpus           = 0
      ephemeral_gib  = var.catalogue_task.ephemeral_gib
      cpu            = var.catalogue_task.cpu
      memory         = var.catalogue_task.memory
      fargate        = true
      stop_timeout_s = 120
      environment = merge(local.store_env, local.temporal_env, local.metrics_env, {
        # On the task's own disk: a new task rebuilds the indexes from the store's catalogue/ records.
        AUDIOSTEMS_CATALOGUE_DIRECTORY = "${local.scratch_dir}/catalogue"
      })
      secrets = local.temporal_secrets
    }
    gateway = {
      command        = ["gateway"]
      heap_percent   = 75
      port           = local.gateway_port
      gpus           = 0
      ephemeral_gib  = null
      cpu            = var.gateway_task.cpu
      memory         = var.gateway_task.memory
      fargate        = true
      stop_timeout_s = 60
      environment = merge(local.store_env, local.temporal_env, local.ledger_env, local.licence_token_env, local.gateway_api_key_env, {
        AUDIOSTEMS_SERVE_GATEWAYPORT    = tostring(local.gateway_port)
        AUDIOSTEMS_SERVE_GATEWAYADDRESS = "0.0.0.0"
        # The gateway asks each track for as many encode lanes as it has cores itself, unless told:
        # tell it the CPU pool's.
        AUDIOSTEMS_WORKERS_ENCODELANES = tostring(floor(var.cpu_task.cpu / 1024))
        # Licensees' copies through CloudFront signed URLs.
        AUDIOSTEMS_GATEWAY_CDN_CLOUDFRONT_BASEURL   = "https://${aws_cloudfront_distribution.delivery.domain_name}"
        AUDIOSTEMS_GATEWAY_CDN_CLOUDFRONT_KEYPAIRID = aws_cloudfront_public_key.delivery.id
      })
      secrets = merge(local.licence_token_secrets, local.ledger_secrets, {
        AUDIOSTEMS_SERVE_GATEWAYSIGNINGSECRET           = aws_secretsmanager_secret.gateway_signing_secret.arn
        AUDIOSTEMS_GATEWAY_CDN_CLOUDFRONT_PRIVATEKEYPEM = aws_secretsmanager_secret.cloudfront_private_key.arn
      })
    }
  }
}

resource "aws_ecs_task_definition" "service" {
  for_each                 = local.containers
  family                   = "${local.prefix}-${each.key}"
  requires_compatibilities = [each.value.fargate ? "FARGATE" : "EC2"]
  network_mode             = "awsvpc"
  cpu                      = tostring(each.value.cpu)
  memory                   = tostring(each.value.memory)
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  dynamic "ephemeral_storage" {
    for_each = each.value.ephemeral_gib == null ? [] : [each.value.ephemeral_gib]
    content {
      size_in_gib = ephemeral_storage.value
    }
  }

  # Scratch space: Fargate's ephemeral storage, or a Docker volume on the GPU host's disk.
  volume {
    name = "scratch"
  }

  container_definitions = jsonencode([merge(
    {
      name      = each.key
      image     = var.image
      essential = true
      command   = each.value.command
      environment = concat(
        [for k in sort(keys(each.value.environment)) : { name = k, value = each.value.environment[k] }],
        [{ name = "JAVA_TOOL_OPTIONS", value = "-XX:MaxRAMPercentage=${each.value.heap_percent}" }],
      )
      secrets = [for k in sort(keys(each.value.secrets)) : { name = k, valueFrom = each.value.secrets[k] }]
      mountPoints = [{
        sourceVolume  = "scratch"
        containerPath = local.scratch_dir
        readOnly      = false
      }]
      stopTimeout = each.value.stop_timeout_s
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    },
    { for p in [each.value.port] : "portMappings" => [{ containerPort = p, protocol = "tcp" }] if p != null },
    { for n in [each.value.gpus] : "resourceRequirements" => [{ type = "GPU", value = tostring(n) }] if n > 0 },
  )])
}

# --- Services --------------------------------------------------------------------------------------

resource "aws_ecs_service" "cpu" {
  name            = "cpu"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.service["cpu"].arn
  desired_count   = var.cpu_tasks.min
  launch_type     = "FARGATE"
  propagate_tags  = "SERVICE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service["cpu"].id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    # Autoscaling owns the count.
    ignore_changes = [desired_count]
  }
}

resource "aws_ecs_service" "gpu" {
  name            = "gpu"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.service["gpu"].arn
  desired_count   = var.gpu_tasks.min
  propagate_tags  = "SERVICE"

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.gpu.name
    weight            = 1
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service["gpu"].id]
    assign_public_ip = false
  }

  # One GPU task per host: spread them over hosts rather than pack.
  ordered_placement_strategy {
    type  = "spread"
    field = "instanceId"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this]
}

# Exactly one: the catalogue's Lucene indexes have one writer. A deployment stops the old task
# before it starts the new one (0 % / 100 %), so two never answer the catalogue queue at once.
resource "aws_ecs_service" "catalogue" {
  name                               = "catalogue"
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.service["catalogue"].arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  propagate_tags                     = "SERVICE"
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service["catalogue"].id]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "gateway" {
  name                              = "gateway"
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.service["gateway"].arn
  desired_count                     = var.gateway_tasks.min
  launch_type                       = "FARGATE"
  propagate_tags                    = "SERVICE"
  health_check_grace_period_seconds = 120

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service["gateway"].id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.gateway.arn
    container_name   = "gateway"
    container_port   = local.gateway_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}
