import Testing
@testable import NewsETL

@Suite struct PipelineConfigTests {
    private func problems(_ json: String) -> [String] {
        do {
            _ = try PipelineConfig.testing(json)
            return []
        } catch let error as ConfigError {
            return error.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func acceptsTheRepositoryConfig() throws {
        let config = try PipelineConfig.load(path: RepositoryPaths.root + "/pipeline.json")
        #expect(config.stages.map(\.name) == ["decode", "clean", "dedupe", "entities", "export"])
        #expect(config.input.path == RepositoryPaths.root + "/input")
        #expect(config.outputPath == RepositoryPaths.root + "/output")
        #expect(config.sha256.count == 64)
    }

    @Test func appliesDefaultsForMissingBlocks() throws {
        let config = try PipelineConfig.testing(#"{"stages": [{"name": "decode"}, {"name": "export"}]}"#)
        #expect(config.workers == 0)
        #expect(config.effectiveWorkers >= 1)
        #expect(config.input.include == ["*"])
        #expect(config.input.maxFileBytes == InputOptions.defaultMaxFileBytes)
        #expect(config.outputPath == "output")
    }

    @Test func namesTheJSONPathOfAWrongOptionType() {
        let found = problems(#"{"stages": [{"name": "decode", "options": {"max_control_ratio": "high"}}, {"name": "export"}]}"#)
        #expect(found == [#"stages[0].options.max_control_ratio: expected a number between 0 and 1, got "high""#])
    }

    @Test func reportsEveryProblemAtOnce() {
        let found = problems("""
            {"workers": -2, "colour": "blue", "input": {"max_file_bytes": 0, "include": "*.txt"},
             "stages": [{"name": "decode", "enabled": "yes"}, {"name": "translate"},
                        {"name": "dedupe", "options": {"action": "delete", "shingle": 5}},
                        {"name": "export", "options": {"formats": ["csv", "pdf"]}}]}
            """)
        #expect(found == [
            "input.include: expected a list of strings, got \"*.txt\"",
            "input.max_file_bytes: expected an integer of at least 1, got 0",
            "workers: expected an integer between 0 and 1024, got -2",
            "stages[0].enabled: expected true or false, got \"yes\"",
            "stages[1].name: unknown stage \"translate\" (known: decode, clean, dedupe, entities, export)",
            "stages[2].options.action: expected one of \"mark\", \"drop\", got \"delete\"",
            "stages[2].options.shingle: unknown key (known keys: action, bands, canonical, containment_threshold, facts, jaccard_threshold, max_days_apart, min_size_ratio, min_words, num_hashes, shingle_size, state, updates)",
            "stages[3].options.formats[1]: expected one of \"csv\", \"jsonl\", \"xml\", \"sqlite\", got \"pdf\"",
            "colour: unknown key (known keys: fail_on_reject, input, output, stages, workers)",
        ])
    }

    @Test func rejectsAStageOrderThatCannotWork() {
        let found = problems(#"{"stages": [{"name": "export"}, {"name": "decode"}]}"#)
        #expect(found == [#"stages[1]: stage "decode" is out of order: stages run in the order decode, clean, dedupe, entities, export"#])
    }

    @Test func rejectsDuplicateAndMissingRequiredStages() {
        let found = problems(#"{"stages": [{"name": "clean"}, {"name": "clean"}, {"name": "export", "enabled": false}]}"#)
        #expect(found == [
            #"stages[1]: stage "clean" is listed twice (also stages[0])"#,
            #"stages[2].enabled: stage "export" cannot be disabled"#,
            #"stages: missing the "decode" stage"#,
        ])
    }

    @Test func namesTheKnownKeysOfAnUnknownOption() {
        let found = problems(#"{"stages": [{"name": "decode"}, {"name": "entities", "options": {"rules": []}}, {"name": "export"}]}"#)
        #expect(found == ["stages[1].options.rules: unknown key (known keys: aliases, gazetteers, max_words, merge_variants, one_type_per_name, types)"])
    }

    @Test(arguments: [
        ("{\n  \"stages\": [\n    {\"name\": \"decode\" \"x\"}\n  ]\n}", "line 3, column 23: expected ',' or '}'"),
        ("{\"stages\": [", "line 1, column 13: the file ends where a value should follow"),
        ("{\"name\": \"déco\n\"}", "line 1, column 15: a control character (a line break?) inside a string"),
        ("{\"on\": True}", "line 1, column 8: expected a value (an object, list, string, number, true, false or null)"),
        ("{} {}", "line 1, column 4: unexpected text after the end of the JSON"),
        ("// a comment\n{\"a\": /* inline */ 1 2}", "line 2, column 22: expected ',' or '}'"),
        ("{\"a\": 1 /* never closed }", "line 1, column 26: the file ends where ',' or '}' should follow"),
    ])
    func saysWhereTheJSONBreaks(text: String, message: String) {
        #expect(problems(text) == ["not valid JSON: " + message])
    }

    @Test func commentsAreSpaceButNotInsideStrings() throws {
        let text = """
            // the starter's style
            {"input": {"path": "in//put", /* a block
               over two lines */ "exclude": ["*.tmp"]}, // trailing
             "stages": [{"name": "decode"}, {"name": "export"}]}
            """
        let config = try PipelineConfig.parse(Array(text.utf8), configPath: "c.json", baseDirectory: "/base")
        #expect(config.input.path == "/base/in//put" || config.input.path == "/base/in/put")
        #expect(config.input.exclude == ["*.tmp"])
        #expect(JSONComments.blanked(Array(text.utf8)).count == text.utf8.count)
    }

    @Test func theStarterConfigLoadsAndIsTheDefaults() throws {
        let starter = PipelineConfig.builtIn(baseDirectory: "/base")
        let bare = try PipelineConfig.testing(#"{"stages": [{"name": "decode"}, {"name": "clean"}, {"name": "dedupe"}, {"name": "entities"}, {"name": "export"}]}"#,
                                              baseDirectory: "/base")
        #expect(starter.stages.map(\.name) == bare.stages.map(\.name))
        #expect(starter.input.path == "/base/input" && starter.outputPath == "/base/output" && starter.workers == 0)
        // Stage by stage, the options the starter spells out are the ones a bare stage has
        // (entities compared by value: its dictionaries print in no fixed order).
        for (ours, plain) in zip(starter.stages, bare.stages) {
            if case .corpus(let first as EntitiesStage) = ours.kind, case .corpus(let second as EntitiesStage) = plain.kind {
                #expect(first.types == second.types && first.aliases == second.aliases && first.maxWords == second.maxWords)
            } else {
                let same = String(describing: ours.kind) == String(describing: plain.kind)
                #expect(same, "\(ours.name) differs from its defaults")
            }
        }
    }

    @Test func findsNothingWrongInValidJSON() {
        #expect(JSONSyntaxLocator.locate(Array(#"{"a": [1, -2.5e3, "x\"y", true, false, null, {}], "b": {}}"#.utf8)) == nil)
    }

    @Test func reportsMalformedJSONAndNonObjects() {
        #expect(problems("{\"stages\": [") .count == 1)
        #expect(problems("{\"stages\": [").first?.hasPrefix("not valid JSON") == true)
        #expect(problems("[]") == ["expected an object, got an array", "stages: missing: list the stages to run (decode, clean, dedupe, entities, export)"])
        #expect(problems(#"{"stages": {"decode": {}}}"#) == ["stages: expected a list of stages, got an object"])
        #expect(problems(#"{"stages": [{"enabled": true}, {"name": "decode"}, {"name": "export"}]}"#)
                == ["stages[0].name: missing or not a string: expected one of decode, clean, dedupe, entities, export"])
    }

    @Test func reportsAMissingConfigFile() {
        #expect(throws: ConfigError.self) { try PipelineConfig.load(path: "/nonexistent/pipeline.json") }
        do {
            _ = try PipelineConfig.load(path: "/nonexistent/pipeline.json")
        } catch let error as ConfigError {
            #expect(error.description == "/nonexistent/pipeline.json: no such file")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func resolvesRelativePathsAgainstTheConfigFolder() throws {
        let config = try PipelineConfig.testing(
            #"{"input": {"path": "reports"}, "output": {"path": "/abs/out"}, "stages": [{"name": "decode"}, {"name": "export"}]}"#,
            baseDirectory: "/srv/news")
        #expect(config.input.path == "/srv/news/reports")
        #expect(config.outputPath == "/abs/out")
    }

    @Test func integersBeyondTheMachinesRangeAreProblemsNotTraps() {
        for huge in ["9223372036854775807", "9223372036854775808", "1e300"] {
            let found = problems(#"{"input": {"max_file_bytes": \#(huge)}, "stages": [{"name": "decode"}, {"name": "export"}]}"#)
            #expect(found.count == 1 && found[0].hasPrefix("input.max_file_bytes: expected an integer of at least 1"), "\(huge): \(found)")
        }
        #expect(problems(#"{"workers": 100000, "stages": [{"name": "decode"}, {"name": "export"}]}"#)
                == ["workers: expected an integer between 0 and 1024, got 100000"])
    }

    @Test func normalisesTheOutputPathAndConfinesTheDedupeState() throws {
        let config = try PipelineConfig.testing(#"{"output": {"path": "out/"}, "stages": [{"name": "decode"}, {"name": "export"}]}"#,
                                                baseDirectory: "/etc/newsetl/")
        #expect(config.outputPath == "/etc/newsetl/out")
        for path in ["/var/lib/state", "../state", "."] {
            let found = problems(#"{"stages": [{"name": "decode"}, {"name": "dedupe", "options": {"state": {"path": "\#(path)"}}}, {"name": "export"}]}"#)
            #expect(found == [#"stages[1].options.state.path: expected a folder inside the output folder (relative, not leaving it with ..), got "\#(path)""#])
        }
    }

    @Test func readsTheDeletionGuardShare() throws {
        let config = try PipelineConfig.testing(#"{"input": {"max_deleted_share": 0.2}, "stages": [{"name": "decode"}, {"name": "export"}]}"#)
        #expect(config.input.maxDeletedShare == 0.2)
        #expect(problems(#"{"input": {"max_deleted_share": 2}, "stages": [{"name": "decode"}, {"name": "export"}]}"#)
                == ["input.max_deleted_share: expected a number between 0 and 1, got 2"])
    }
}
