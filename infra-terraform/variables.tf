# Every input of the deployment. infra-terraform/README.md has them in one table; keep both alike.

# --- Where -----------------------------------------------------------------------------------------

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "audiostems"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name must be 2-21 lowercase letters, digits or '-', starting with a letter (it becomes part of bucket names)."
  }
}

variable "environment" {
  description = "Environment name, e.g. prod or staging; part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lowercase letters, digits or '-', starting with a letter."
  }
}

variable "region" {
  description = "The primary AWS region: services, database, store bucket."
  type        = string
}

variable "dr_region" {
  description = "The disaster-recovery region the store bucket is replicated to; must differ from region."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

# --- Network (an existing VPC) ---------------------------------------------------------------------

variable "vpc_id" {
  description = "The VPC everything runs in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks, the GPU hosts and the database: private, with a route to ECR, S3, CloudWatch, Secrets Manager and Temporal (NAT or VPC endpoints). Two or more availability zones."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "private_subnet_ids needs subnets in at least two availability zones (RDS and the ALB's targets require it)."
  }
}

variable "public_subnet_ids" {
  description = "Subnets of the internet-facing load balancer. Two or more availability zones."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "public_subnet_ids needs subnets in at least two availability zones (an ALB requires it)."
  }
}

variable "alb_ingress_cidrs" {
  description = "Client address ranges allowed to reach the gateway's load balancer (HTTPS, and HTTP which only redirects)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

# --- The application -------------------------------------------------------------------------------

variable "image" {
  description = "Container image of the application: the audiostems command as entrypoint, a JDK 21 and ffmpeg/ffprobe on PATH. Every service runs it with its own arguments."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate (in region) for the gateway's HTTPS listener."
  type        = string
}

variable "store_key_prefix" {
  description = "audiostems.storage.s3.prefix: prepended to every key, e.g. \"prod/\"; empty for none. Must end with '/' when set."
  type        = string
  default     = ""

  validation {
    condition     = var.store_key_prefix == "" || can(regex("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*/$", var.store_key_prefix))
    error_message = "store_key_prefix must be empty or key segments ending with '/', e.g. \"prod/\"."
  }
}

variable "log_retention_days" {
  description = "How long the services' CloudWatch logs are kept."
  type        = number
  default     = 90
}

# --- Temporal --------------------------------------------------------------------------------------

variable "temporal_endpoint" {
  description = "host:port of a self-hosted Temporal frontend the services reach. Ignored when temporal_cloud_namespace is set."
  type        = string
  default     = ""

  validation {
    condition     = var.temporal_endpoint == "" || can(regex("^[^\\s:]+:[0-9]{1,5}$", var.temporal_endpoint))
    error_message = "temporal_endpoint must be host:port, e.g. temporal.internal:7233."
  }
}

variable "temporal_namespace" {
  description = "Namespace on the self-hosted frontend. Ignored when temporal_cloud_namespace is set."
  type        = string
  default     = "default"
}

variable "temporal_cloud_namespace" {
  description = "Name of a Temporal Cloud namespace to create (API-key authentication); empty: use temporal_endpoint."
  type        = string
  default     = ""
}

variable "temporal_cloud_region" {
  description = "Temporal Cloud region of that namespace, with its cloud prefix (aws-us-east-1)."
  type        = string
  default     = "aws-us-east-1"
}

variable "temporal_cloud_retention_days" {
  description = "Days Temporal Cloud keeps the histories of closed workflows."
  type        = number
  default     = 30
}

# --- Keys (ids here, secret values only in Secrets Manager) -----------------------------------------

variable "watermark_key_ids" {
  description = "Ids of the watermark keys (audiostems.watermark.keys[n].id), oldest first. Each gets a secret whose value you put (base64 of 32 random bytes). Rotate by appending an id."
  type        = list(string)

  validation {
    condition     = length(var.watermark_key_ids) >= 1 && alltrue([for id in var.watermark_key_ids : can(regex("^[A-Za-z0-9._-]{1,64}$", id))])
    error_message = "watermark_key_ids needs at least one id of letters, digits, '.', '_' or '-': workers on S3 do not start without configured keys."
  }
}

variable "watermark_current_key_id" {
  description = "audiostems.watermark.current-key-id: the key new marks are made with; empty: the last of watermark_key_ids."
  type        = string
  default     = ""
}

variable "licence_token_key_ids" {
  description = "Ids of the licence-token keys (audiostems.licence-tokens.keys[n].id), oldest first; each gets a secret (base64 of 32 random bytes). Rotate by appending an id."
  type        = list(string)

  validation {
    condition     = length(var.licence_token_key_ids) >= 1 && alltrue([for id in var.licence_token_key_ids : can(regex("^[A-Za-z0-9._-]{1,64}$", id))])
    error_message = "licence_token_key_ids needs at least one id of letters, digits, '.', '_' or '-'."
  }
}

variable "licence_token_current_key_id" {
  description = "audiostems.licence-tokens.current-key-id; empty: the last of licence_token_key_ids."
  type        = string
  default     = ""
}

variable "gateway_api_keys" {
  description = "The gateway's clients (audiostems.serve.gateway-api-keys): name, key_sha256 (printf %s \"$KEY\" | sha256sum) and role. Hashes only: the keys themselves never reach Terraform."
  type = list(object({
    name       = string
    key_sha256 = string
    role       = string
  }))

  validation {
    condition     = length(var.gateway_api_keys) >= 1 && alltrue([for k in var.gateway_api_keys : can(regex("^[0-9a-f]{64}$", k.key_sha256))])
    error_message = "gateway_api_keys needs at least one client, each key_sha256 64 lowercase hex digits (without it the gateway generates a key per task, which a fleet cannot share)."
  }
}

variable "cloudfront_public_key_pem" {
  description = "Public half (PEM) of the RSA key pair the gateway signs CloudFront URLs with; its private half goes into the cloudfront-private-key secret."
  type        = string
}

variable "cloudfront_price_class" {
  description = "CloudFront price class of the delivery distribution."
  type        = string
  default     = "PriceClass_100"
}

# --- Scaling -----------------------------------------------------------------------------------------

variable "metrics_namespace" {
  description = "CloudWatch namespace the workers publish their Micrometer metrics to (management.cloudwatch.metrics.export.namespace)."
  type        = string
  default     = "AudioStems"
}

variable "cpu_task" {
  description = "One CPU-pool task on Fargate: vCPU units, memory MiB, ephemeral disk GiB (ffmpeg scratch and S3 working copies)."
  type = object({
    cpu           = number
    memory        = number
    ephemeral_gib = number
  })
  default = { cpu = 4096, memory = 8192, ephemeral_gib = 100 }
}

variable "cpu_tasks" {
  description = "Bounds of the CPU pool's task count."
  type        = object({ min = number, max = number })
  default     = { min = 1, max = 20 }
}

variable "cpu_backlog_per_task" {
  description = "Target of the CPU pool's scaling: audio-cpu backlog per running task. The default is what docs/benchmarks.md's scale-out table measured (9.5 CPU-seconds per track-minute): a 4-vCPU cpu_task finishes about 10 five-minute tracks in the 2 minutes a new task takes to start. Until hosts claim tracks only when they have room (same section), audio-cpu's backlog stays near 0 and the CPU-utilisation policy is the one that adds tasks."
  type        = number
  default     = 10
}

variable "gpu_instance_type" {
  description = "EC2 type of the GPU pool's hosts."
  type        = string
  default     = "g5.xlarge"
}

variable "gpu_ami_ssm_parameter" {
  description = "SSM parameter holding the ECS-optimised GPU AMI id."
  type        = string
  default     = "/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id"
}

variable "gpu_task" {
  description = "One GPU-pool task: vCPU units, memory MiB (both below the host's, which keeps some for the ECS agent) and GPUs (0 runs it without reserving one)."
  type = object({
    cpu    = number
    memory = number
    gpus   = number
  })
  default = { cpu = 3072, memory = 12288, gpus = 1 }
}

variable "gpu_hosts" {
  description = "Bounds of the GPU hosts' Auto Scaling group; ECS managed scaling moves it within them."
  type        = object({ min = number, max = number })
  default     = { min = 0, max = 8 }
}

variable "gpu_tasks" {
  description = "Bounds of the GPU pool's task count."
  type        = object({ min = number, max = number })
  default     = { min = 1, max = 8 }
}

variable "gpu_backlog_per_task" {
  description = "Target of the GPU pool's scaling: audio-gpu backlog per running task (a starting point, as cpu_backlog_per_task)."
  type        = number
  default     = 4
}

variable "catalogue_task" {
  description = "The catalogue worker (exactly one task): vCPU units, memory MiB, ephemeral disk GiB for its Lucene indexes."
  type = object({
    cpu           = number
    memory        = number
    ephemeral_gib = number
  })
  default = { cpu = 1024, memory = 4096, ephemeral_gib = 50 }
}

variable "gateway_task" {
  description = "One gateway task: vCPU units and memory MiB."
  type        = object({ cpu = number, memory = number })
  default     = { cpu = 1024, memory = 2048 }
}

variable "gateway_tasks" {
  description = "Bounds of the gateway's task count (CPU target tracking)."
  type        = object({ min = number, max = number })
  default     = { min = 2, max = 10 }
}

# --- Database (usage and audit: the ledger) -----------------------------------------------------------

variable "db" {
  description = "The ledger's PostgreSQL: engine major version, instance class, storage GiB (initial and autoscaling ceiling), Multi-AZ, backup days, deletion protection."
  type = object({
    engine_version      = string
    instance_class      = string
    storage_gib         = number
    max_storage_gib     = number
    multi_az            = bool
    backup_days         = number
    deletion_protection = bool
  })
  default = {
    engine_version      = "16"
    instance_class      = "db.t4g.medium"
    storage_gib         = 50
    max_storage_gib     = 500
    multi_az            = true
    backup_days         = 14
    deletion_protection = true
  }
}

# --- Retention -----------------------------------------------------------------------------------------

variable "noncurrent_version_days" {
  description = "Days a replaced or deleted object's old version stays in the store bucket (and its replica) before it is removed: the window to undo a bad reprocess or delete."
  type        = number
  default     = 30
}
