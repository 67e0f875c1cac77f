# The ledger (usage and audit): licences, deliveries and the hash-chained audit log, in PostgreSQL.
# The CPU pool (licence activities) and the gateway (deliveries, refusals, failed tokens) write it;
# its Flyway migrations run from the application at start.

locals {
  db_name = "audiostems"
  db_user = "audiostems"
}

resource "aws_db_subnet_group" "ledger" {
  name       = "${local.prefix}-ledger"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_parameter_group" "ledger" {
  name_prefix = "${local.prefix}-ledger-"
  family      = "postgres${split(".", var.db.engine_version)[0]}"

  # Clients must use TLS (the JDBC URL says sslmode=require).
  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "ledger" {
  identifier     = "${local.prefix}-ledger"
  engine         = "postgres"
  engine_version = var.db.engine_version
  instance_class = var.db.instance_class

  allocated_storage     = var.db.storage_gib
  max_allocated_storage = var.db.max_storage_gib
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.db.arn

  db_name  = local.db_name
  username = local.db_user
  # RDS keeps the password in Secrets Manager (JSON: username, password), encrypted with the secrets
  # key, and rotates it; the tasks read its "password" field.
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.secrets.arn

  db_subnet_group_name   = aws_db_subnet_group.ledger.name
  vpc_security_group_ids = [aws_security_group.db.id]
  parameter_group_name   = aws_db_parameter_group.ledger.name
  publicly_accessible    = false
  multi_az               = var.db.multi_az

  backup_retention_period   = var.db.backup_days
  copy_tags_to_snapshot     = true
  deletion_protection       = var.db.deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${local.prefix}-ledger-final"

  auto_minor_version_upgrade = true
}

# Disaster recovery of the ledger: its automated backups copied to dr_region, so that the audit log
# can be restored there beside the store's replica.
resource "aws_kms_key" "db_dr" {
  provider                = aws.dr
  description             = "${local.prefix}: the ledger's backups in the disaster-recovery region"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_db_instance_automated_backups_replication" "ledger" {
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.ledger.arn
  kms_key_id             = aws_kms_key.db_dr.arn
  retention_period       = var.db.backup_days
}
