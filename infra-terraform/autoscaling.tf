# Each worker pool follows its Temporal task queue's backlog: target tracking on the backlog per
# running task (metric math: the queue's backlog divided by the service's running tasks). One more
# task is added once the backlog per task stays above the target, and tasks are removed, slowly,
# when it stays below. The CPU pool also tracks CPU utilisation, which adds tasks while the backlog
# metric is missing; scale-in needs both policies to agree.
#
# The backlog metric is the workers' (Micrometer, CloudWatch registry): namespace
# var.metrics_namespace, name local.backlog_metric_name, one dimension task_queue. Every worker of a
# pool reports the same queue-wide figure, so the Maximum across them is the backlog.

locals {
  backlog_scaled = {
    cpu = { service = aws_ecs_service.cpu.name, queue = local.task_queue_cpu, target = var.cpu_backlog_per_task, bounds = var.cpu_tasks }
    gpu = { service = aws_ecs_service.gpu.name, queue = local.task_queue_gpu, target = var.gpu_backlog_per_task, bounds = var.gpu_tasks }
  }
}

resource "aws_appautoscaling_target" "pool" {
  for_each           = local.backlog_scaled
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${each.value.service}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = each.value.bounds.min
  max_capacity       = each.value.bounds.max
}

resource "aws_appautoscaling_policy" "pool_backlog" {
  for_each           = local.backlog_scaled
  name               = "${local.prefix}-${each.key}-backlog-per-task"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.pool[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.pool[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.pool[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.target
    scale_out_cooldown = 60
    # Encodes run for minutes: give a scale-out time to drain the queue before taking tasks away.
    scale_in_cooldown = 600

    customized_metric_specification {
      metrics {
        id          = "backlog"
        label       = "Backlog of ${each.value.queue}"
        return_data = false
        metric_stat {
          stat = "Maximum"
          metric {
            namespace   = var.metrics_namespace
            metric_name = local.backlog_metric_name
            dimensions {
              name  = "task_queue"
              value = each.value.queue
            }
          }
        }
      }

      metrics {
        id          = "tasks"
        label       = "Running tasks of ${each.value.service}"
        return_data = false
        metric_stat {
          stat = "Average"
          metric {
            namespace   = "ECS/ContainerInsights"
            metric_name = "RunningTaskCount"
            dimensions {
              name  = "ClusterName"
              value = aws_ecs_cluster.this.name
            }
            dimensions {
              name  = "ServiceName"
              value = each.value.service
            }
          }
        }
      }

      metrics {
        id          = "backlog_per_task"
        label       = "Backlog of ${each.value.queue} per running task"
        expression  = "backlog / IF(tasks >= 1, tasks, 1)"
        return_data = true
      }
    }
  }
}

resource "aws_appautoscaling_policy" "cpu_utilisation" {
  name               = "${local.prefix}-cpu-utilisation"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.pool["cpu"].service_namespace
  resource_id        = aws_appautoscaling_target.pool["cpu"].resource_id
  scalable_dimension = aws_appautoscaling_target.pool["cpu"].scalable_dimension

  target_tracking_scaling_policy_configuration {
    # ffmpeg lanes keep a busy task near 100 %; 75 % means its slots are mostly full.
    target_value       = 75
    scale_out_cooldown = 120
    scale_in_cooldown  = 600

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# The gateway: CPU target tracking (its work is requests to Temporal and S3 presigning).
resource "aws_appautoscaling_target" "gateway" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.gateway.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.gateway_tasks.min
  max_capacity       = var.gateway_tasks.max
}

resource "aws_appautoscaling_policy" "gateway_cpu" {
  name               = "${local.prefix}-gateway-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.gateway.service_namespace
  resource_id        = aws_appautoscaling_target.gateway.resource_id
  scalable_dimension = aws_appautoscaling_target.gateway.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = 60
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Seen in the console and by on-call: a backlog that stays high while the pool is at its maximum.
resource "aws_cloudwatch_metric_alarm" "pool_saturated" {
  for_each            = local.backlog_scaled
  alarm_name          = "${local.prefix}-${each.key}-backlog-at-max-capacity"
  alarm_description   = "${each.value.queue}'s backlog per task has stayed above twice the target for 15 minutes: the ${each.key} pool is probably at its maximum (${each.value.bounds.max} tasks)."
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 15
  threshold           = 2 * each.value.target
  treat_missing_data  = "notBreaching"

  metric_query {
    id = "backlog"
    metric {
      namespace   = var.metrics_namespace
      metric_name = local.backlog_metric_name
      dimensions  = { task_queue = each.value.queue }
      period      = 60
      stat        = "Maximum"
    }
  }

  metric_query {
    id = "tasks"
    metric {
      namespace   = "ECS/ContainerInsights"
      metric_name = "RunningTaskCount"
      dimensions  = { ClusterName = aws_ecs_cluster.this.name, ServiceName = each.value.service }
      period      = 60
      stat        = "Average"
    }
  }

  metric_query {
    id          = "backlog_per_task"
    expression  = "backlog / IF(tasks >= 1, tasks, 1)"
    label       = "Backlog per running task"
    return_data = true
  }
}

# The catalogue must run exactly one task: an alarm when it runs none.
resource "aws_cloudwatch_metric_alarm" "catalogue_down" {
  alarm_name          = "${local.prefix}-catalogue-not-running"
  alarm_description   = "The catalogue worker has not been running for 5 minutes: ingests wait at the catalogue lookup."
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  dimensions          = { ClusterName = aws_ecs_cluster.this.name, ServiceName = aws_ecs_service.catalogue.name }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
}
