data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  prefix     = "${var.name}-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  tags = merge(var.tags, {
    Application = var.name
    Environment = var.environment
    ManagedBy   = "infra-terraform"
  })

  # Task queues (workflows/.../TaskQueues.java): the backlog of these drives the pools' scaling.
  task_queue_cpu = "audio-cpu"
  task_queue_gpu = "audio-gpu"

  # The metric the workers publish through Micrometer's CloudWatch registry: a gauge named
  # audiostems.temporal.task-queue.backlog with one tag, task_queue, holding the approximate backlog
  # that Temporal's DescribeTaskQueue reports. Micrometer's CloudWatch registry appends ".value"
  # to a gauge's name and turns each tag into a dimension.
  backlog_metric_name = "audiostems.temporal.task-queue.backlog.value"

  # Temporal: Temporal Cloud's namespace when one is created here, else the given endpoint.
  temporal_cloud     = var.temporal_cloud_namespace != ""
  temporal_target    = local.temporal_cloud ? one(temporalcloud_namespace.this[*].endpoints.grpc_address) : var.temporal_endpoint
  temporal_namespace = local.temporal_cloud ? one(temporalcloud_namespace.this[*].id) : var.temporal_namespace

  watermark_current_key_id     = var.watermark_current_key_id != "" ? var.watermark_current_key_id : var.watermark_key_ids[length(var.watermark_key_ids) - 1]
  licence_token_current_key_id = var.licence_token_current_key_id != "" ? var.licence_token_current_key_id : var.licence_token_key_ids[length(var.licence_token_key_ids) - 1]

  # S3 resources a store key maps to: the bucket's objects under the configured prefix.
  store_objects_arn = "${aws_s3_bucket.store.arn}/${var.store_key_prefix}"

  # Where the tasks write scratch files: the task's ephemeral storage.
  scratch_dir = "/scratch"
}
