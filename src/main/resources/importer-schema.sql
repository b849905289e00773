-- Tables of the importer beside Spring Batch's own. Written for both H2 and PostgreSQL.

-- One line per input file, identified by the SHA-256 of its content.
CREATE TABLE IF NOT EXISTS importer_file (
    file_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    file_name      VARCHAR(4096) NOT NULL,
    api_base_url   VARCHAR(2048) NOT NULL,
    total_rows     BIGINT        NOT NULL,
    rejected_rows  BIGINT        NOT NULL,
    staged_at      TIMESTAMP     NOT NULL
);

-- Every record of every file, with its validated input and the progress of its calls.
CREATE TABLE IF NOT EXISTS importer_row (
    file_id             VARCHAR(64)    NOT NULL,
    row_number          BIGINT         NOT NULL,
    line_number         BIGINT         NOT NULL,
    customer_name       VARCHAR(1000)  NOT NULL,
    customer_key        VARCHAR(1000),
    customer_id_input   VARCHAR(200),
    integration_type    VARCHAR(10),
    integration_name    VARCHAR(1000),
    aws_role_arn        VARCHAR(2048),
    aws_account_type    VARCHAR(200),
    aws_cur_config_type VARCHAR(200),
    gcp_project_id      VARCHAR(200),
    gcp_billing_dataset VARCHAR(1024),
    gcp_billing_table   VARCHAR(1024),
    gcp_key_file        VARCHAR(4096),
    user_emails         VARCHAR(1000000),
    user_role           VARCHAR(200),
    status              VARCHAR(20)    NOT NULL,
    customer_id         VARCHAR(200),
    integration_id      VARCHAR(200),
    external_id         VARCHAR(1000),
    cloudformation_url  VARCHAR(8192),
    users_done          BOOLEAN        NOT NULL DEFAULT FALSE,
    users_added         VARCHAR(1000000),
    users_failed        VARCHAR(1000000),
    failed_step         VARCHAR(40),
    error               VARCHAR(4000),
    failure_transient   BOOLEAN        NOT NULL DEFAULT FALSE,
    in_doubt            BOOLEAN        NOT NULL DEFAULT FALSE,
    attempts            INTEGER        NOT NULL DEFAULT 0,
    finished_at         TIMESTAMP,
    PRIMARY KEY (file_id, row_number)
);

CREATE INDEX IF NOT EXISTS importer_row_status ON importer_row (file_id, status, row_number);

-- Customers that this database created or was given, per API, whatever file named them.
CREATE TABLE IF NOT EXISTS importer_customer (
    api_base_url  VARCHAR(2048) NOT NULL,
    customer_key  VARCHAR(1000) NOT NULL,
    customer_name VARCHAR(1000) NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    customer_id   VARCHAR(200),
    updated_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (api_base_url, customer_key)
);

-- Integrations that this database created, per API and customer.
CREATE TABLE IF NOT EXISTS importer_integration (
    api_base_url       VARCHAR(2048) NOT NULL,
    customer_id        VARCHAR(200)  NOT NULL,
    integration_type   VARCHAR(10)   NOT NULL,
    integration_key    VARCHAR(1000) NOT NULL,
    integration_name   VARCHAR(1000) NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    integration_id     VARCHAR(200),
    external_id        VARCHAR(1000),
    cloudformation_url VARCHAR(8192),
    updated_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (api_base_url, customer_id, integration_type, integration_key)
);

-- The lease that lets one run at a time use this database.
CREATE TABLE IF NOT EXISTS importer_lease (
    lease_name VARCHAR(50)  NOT NULL PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL,
    renewed_at TIMESTAMP    NOT NULL
);
