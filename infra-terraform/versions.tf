terraform {
  # OpenTofu 1.8+ or Terraform 1.6+: both read this configuration alike.
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.x: the schema this configuration was written against (aws_kms_key_policy, target tracking
      # with metric math, S3 replication with delete-marker replication).
      version = "~> 5.70"
    }
    temporalcloud = {
      source  = "temporalio/temporalcloud"
      version = "~> 0.9"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# The disaster-recovery region: the replica of the store bucket and its KMS key live here.
provider "aws" {
  alias  = "dr"
  region = var.dr_region

  default_tags {
    tags = local.tags
  }
}

# Only used when temporal_cloud_namespace is set; reads TEMPORAL_CLOUD_API_KEY from the
# environment of whoever runs tofu (never from a file in this repository).
provider "temporalcloud" {}
