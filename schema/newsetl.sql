-- newsetl.sqlite: generated from Sources/NewsETL/Stages/Export/Datasets.swift (do not edit by hand).
PRAGMA application_id = 1313166412;
PRAGMA user_version = 1;

CREATE TABLE "documents" (
  "doc_id" TEXT NOT NULL,
  "source_path" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "bytes" INTEGER NOT NULL,
  "encoding" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "title" TEXT,
  "published_date" TEXT,
  "published_at" TEXT,
  "published_source" TEXT,
  "source" TEXT,
  "canonical_url" TEXT,
  "domain" TEXT,
  "language" TEXT NOT NULL,
  "authors" TEXT,
  "description" TEXT,
  "word_count" INTEGER NOT NULL,
  "cluster_id" TEXT,
  "canonical_id" TEXT,
  "similarity" REAL,
  "people" TEXT,
  "organizations" TEXT,
  "places" TEXT,
  "text" TEXT,
  PRIMARY KEY ("doc_id")
);

CREATE TABLE "rejects" (
  "path" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "detail" TEXT NOT NULL,
  PRIMARY KEY ("path")
);

CREATE TABLE "duplicates" (
  "doc_id" TEXT NOT NULL,
  "source_path" TEXT NOT NULL,
  "canonical_id" TEXT NOT NULL,
  "canonical_path" TEXT NOT NULL,
  "canonical_run" TEXT,
  "cluster_id" TEXT NOT NULL,
  "similarity" REAL NOT NULL,
  "containment" REAL NOT NULL,
  "kind" TEXT NOT NULL,
  PRIMARY KEY ("doc_id")
);

CREATE TABLE "removed" (
  "doc_id" TEXT NOT NULL,
  "paragraph" INTEGER NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "rule" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  PRIMARY KEY ("doc_id", "paragraph"),
  FOREIGN KEY ("doc_id") REFERENCES "documents"("doc_id")
);

CREATE TABLE "entities" (
  "doc_id" TEXT NOT NULL,
  "entity_id" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "mention" TEXT NOT NULL,
  "canonical" TEXT NOT NULL,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  "sentence" INTEGER NOT NULL,
  "value" TEXT,
  "unit" TEXT,
  PRIMARY KEY ("doc_id", "start"),
  FOREIGN KEY ("doc_id") REFERENCES "documents"("doc_id"),
  FOREIGN KEY ("entity_id") REFERENCES "entity_summary"("entity_id")
);

CREATE TABLE "entity_summary" (
  "entity_id" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "aliases" TEXT NOT NULL,
  "documents" INTEGER NOT NULL,
  "copies" INTEGER NOT NULL,
  "mentions" INTEGER NOT NULL,
  "first_published" TEXT,
  "last_published" TEXT,
  PRIMARY KEY ("entity_id")
);

CREATE INDEX "documents_published_date" ON "documents"("published_date");

CREATE INDEX "documents_source" ON "documents"("source");

CREATE INDEX "documents_domain" ON "documents"("domain");

CREATE INDEX "documents_language" ON "documents"("language");

CREATE INDEX "documents_cluster_id" ON "documents"("cluster_id");

CREATE INDEX "documents_canonical_id" ON "documents"("canonical_id");

CREATE INDEX "rejects_reason" ON "rejects"("reason");

CREATE INDEX "duplicates_canonical_id" ON "duplicates"("canonical_id");

CREATE INDEX "duplicates_cluster_id" ON "duplicates"("cluster_id");

CREATE INDEX "removed_rule" ON "removed"("rule");

CREATE INDEX "entities_entity_id" ON "entities"("entity_id");

CREATE INDEX "entities_type" ON "entities"("type");

CREATE INDEX "entity_summary_type" ON "entity_summary"("type");

CREATE VIRTUAL TABLE "documents_fts" USING fts5("title", "text", content='documents', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2');

CREATE VIEW "document_entities" AS
  SELECT e."doc_id", d."title", d."published_date", d."source", e."entity_id", s."type", s."name",
         count(*) AS "mentions", min(e."start") AS "first_start"
  FROM "entities" e JOIN "documents" d ON d."doc_id" = e."doc_id"
       JOIN "entity_summary" s ON s."entity_id" = e."entity_id"
  GROUP BY e."doc_id", e."entity_id";

CREATE VIEW "entity_documents" AS
  SELECT s."entity_id", s."type", s."name", e."doc_id", d."title", d."published_date", d."source",
         count(*) AS "mentions"
  FROM "entity_summary" s JOIN "entities" e ON e."entity_id" = s."entity_id"
       JOIN "documents" d ON d."doc_id" = e."doc_id"
  GROUP BY s."entity_id", e."doc_id";

CREATE VIEW "duplicate_clusters" AS
  SELECT m."cluster_id", m."canonical_id", m."doc_id", m."source_path", m."role", m."similarity", m."kind",
         d."title", d."source", d."published_date"
  FROM (SELECT DISTINCT "cluster_id", "canonical_id", "canonical_id" AS "doc_id", "canonical_path" AS "source_path",
               'canonical' AS "role", 1.0 AS "similarity", NULL AS "kind" FROM "duplicates"
        UNION ALL
        SELECT "cluster_id", "canonical_id", "doc_id", "source_path", 'copy', "similarity", "kind" FROM "duplicates") m
       LEFT JOIN "documents" d ON d."doc_id" = m."doc_id";
