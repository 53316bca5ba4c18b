/// The starter `pipeline.json` that `newsetl init` writes and a run without
/// a config uses: every stage with the options a user tunes first, at
/// their defaults, each explained by a comment (the README's pipeline.json
/// section lists them all). A test checks that it loads and equals the
/// defaults of every stage.
public enum StarterConfig {
    public static let text = #"""
        // NewsETL pipeline. Comments (// and /* */) are allowed; every option below is at its default.
        // Paths are relative to this file's folder. Check a change with: newsetl validate --config pipeline.json
        {
          "input": {
            "path": "input",               // the folder of reports, read recursively (hidden files skipped)
            "include": ["*"],              // globs of files to read; with a "/" they match the relative path
            "exclude": [],                 // globs of files to leave out entirely
            "max_file_bytes": 52428800     // larger files are rejected as too_large, unread
          },
          "output": { "path": "output" },  // datasets, run folders and state; created when missing
          "workers": 0,                    // threads; 0 = one per core. Outputs are the same for any number
          "stages": [
            // Files to Unicode text and metadata: UTF-8/16, Windows-1252, HTML pages.
            { "name": "decode", "options": { "min_words": 1 } },
            // Boilerplate out, every sentence of the article in; "rules" adds your own phrases.
            { "name": "clean", "options": { "rules": [], "keep_removed": true,
                                            "learn": { "enabled": true, "min_documents": 4 } } },
            // Copies: "mark" keeps them in documents with their cluster, "drop" lists them only in duplicates.
            { "name": "dedupe", "options": { "action": "mark", "jaccard_threshold": 0.5, "max_days_apart": 3 } },
            // People, organisations, places, dates, amounts; "aliases" maps a name to the one analysts want.
            { "name": "entities", "options": { "types": ["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"],
                                               "aliases": {} } },
            // Formats: csv, jsonl, xml (a file per dataset) and sqlite (newsetl.sqlite, full-text search).
            { "name": "export", "options": { "formats": ["csv", "jsonl", "xml", "sqlite"], "include_text": true,
                                             "csv": { "formula_guard": true, "excel_bom": false } } }
          ]
        }

        """#
}
