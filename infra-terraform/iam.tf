# Least privilege per service. Each service has an execution role (ECS pulls its image, writes its
# logs, reads its secrets) and a task role (what the application itself may do). The store key
# prefixes each task role may touch come from the application's key layout (s3.tf); a prefix that
# is missing shows up as an AccessDenied naming the key.

locals {
  services = toset(["cpu", "gpu", "catalogue", "gateway"])

  # Keys relative to store_key_prefix. read: GetObject; write: PutObject (multipart included),
  # DeleteObject, AbortMultipartUpload. Every service may list the bucket (see the List statement).
  store_access = {
    # Every stage of the track, licence and marked-copy workflows, and their compensation.
    cpu = { read = ["*"], write = ["*"] }
    # Analysis and quality: reads the source, writes analysis.json and quality/ beside the outputs.
    gpu = { read = ["uploads/*", "tracks/*"], write = ["tracks/*"] }
    # The fingerprint catalogue: its own records, the fingerprints it indexes and looks up.
    catalogue = {
      read  = ["catalogue/*", "references/*", "tracks/*", "identify/*"]
      write = ["catalogue/*"]
    }
    # Upload tickets and presigned uploads; presigned downloads of outputs, reports and copies.
    gateway = {
      read  = ["uploads/*", "tracks/*", "licences/*", "identify/*"]
      write = ["uploads/*"]
    }
  }

  temporal_secret_arns = aws_secretsmanager_secret.temporal_api_key[*].arn
  ledger_secret_arns   = [aws_db_instance.ledger.master_user_secret[0].secret_arn]

  # The secrets ECS injects into each service (their values never pass through Terraform).
  service_secret_arns = {
    cpu       = concat([for s in aws_secretsmanager_secret.watermark_key : s.arn], local.ledger_secret_arns, local.temporal_secret_arns)
    gpu       = local.temporal_secret_arns
    catalogue = local.temporal_secret_arns
    gateway = concat(
      [for s in aws_secretsmanager_secret.licence_token_key : s.arn],
      [aws_secretsmanager_secret.gateway_signing_secret.arn, aws_secretsmanager_secret.cloudfront_private_key.arn],
      local.ledger_secret_arns,
    )
  }
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# --- Execution roles -------------------------------------------------------------------------------

resource "aws_iam_role" "execution" {
  for_each           = local.services
  name               = "${local.prefix}-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  for_each   = local.services
  role       = aws_iam_role.execution[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "execution_secrets" {
  for_each = { for s in local.services : s => local.service_secret_arns[s] if length(local.service_secret_arns[s]) > 0 }
  name     = "read-own-secrets"
  role     = aws_iam_role.execution[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = each.value
      },
      {
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = aws_kms_key.secrets.arn
        Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${var.region}.amazonaws.com" } }
      },
    ]
  })
}

# --- Task roles ------------------------------------------------------------------------------------

resource "aws_iam_role" "task" {
  for_each           = local.services
  name               = "${local.prefix}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "task_store" {
  for_each = local.services
  name     = "store"
  role     = aws_iam_role.task[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Read"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = [for p in local.store_access[each.key].read : "${local.store_objects_arn}${p}"]
      },
      {
        Sid      = "Write"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
        Resource = [for p in local.store_access[each.key].write : "${local.store_objects_arn}${p}"]
      },
      {
        # Unconditional on purpose: without ListBucket, S3 answers a GET or HEAD of a missing key
        # with 403 instead of 404, and the store reads "not there" from the 404. It reveals key
        # names (ids), never contents.
        Sid      = "List"
        Effect   = "Allow"
        Action   = "s3:ListBucket"
        Resource = aws_s3_bucket.store.arn
      },
      {
        # SSE-KMS: writers need data keys, readers decryption; only through S3 in this region.
        Sid       = "StoreKey"
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = aws_kms_key.store.arn
        Condition = { StringEquals = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" } }
      },
    ]
  })
}

# The workers publish their task queue's backlog (and their other Micrometer meters) to one namespace.
resource "aws_iam_role_policy" "task_metrics" {
  for_each = toset(["cpu", "gpu", "catalogue"])
  name     = "metrics"
  role     = aws_iam_role.task[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "cloudwatch:PutMetricData"
      Resource  = "*"
      Condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } }
    }]
  })
}

# A withdrawn licence's copies leave CloudFront's caches (the licence activities on the CPU pool).
resource "aws_iam_role_policy" "cpu_invalidation" {
  name = "delivery-invalidation"
  role = aws_iam_role.task["cpu"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
      Resource = aws_cloudfront_distribution.delivery.arn
    }]
  })
}

# --- S3 replication --------------------------------------------------------------------------------

resource "aws_iam_role" "replication" {
  name = "${local.prefix}-store-replication"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "s3.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "replication" {
  name = "replicate-store"
  role = aws_iam_role.replication.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
        Resource = aws_s3_bucket.store.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
        Resource = "${aws_s3_bucket.store.arn}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
        Resource = "${aws_s3_bucket.store_dr.arn}/*"
      },
      {
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = aws_kms_key.store.arn
        Condition = { StringLike = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" } }
      },
      {
        Effect    = "Allow"
        Action    = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource  = aws_kms_key.store_dr.arn
        Condition = { StringLike = { "kms:ViaService" = "s3.${var.dr_region}.amazonaws.com" } }
      },
    ]
  })
}

# --- GPU hosts -------------------------------------------------------------------------------------

resource "aws_iam_role" "gpu_host" {
  name = "${local.prefix}-gpu-host"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "gpu_host_ecs" {
  role       = aws_iam_role.gpu_host.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_role_policy_attachment" "gpu_host_ssm" {
  role       = aws_iam_role.gpu_host.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "gpu_host" {
  name = "${local.prefix}-gpu-host"
  role = aws_iam_role.gpu_host.name
}
