public import BackCheckYAML
public import BackCheckPluginAPI

extension JSONSchemas {
    /// The schema of catalogue documents (`kind: assessment`, `exercise`, `norms`, `vocabulary` and `evaluator`), with
    /// each evaluator plugin's `scoring` keys from `registry`. Usable by yaml-language-server:
    /// put `# yaml-language-server: $schema=<path to the printed file>` at the top of a YAML file.
    public static func assessment(registry: PluginRegistry) -> JSONValue {
        typealias B = SchemaBuilder
        let header: B.Members = [
            ("format", .object([("description", .string("The format version; this program reads 1.")), ("enum", .array([.integer(1)]))])),
            ("kind", B.choice(["assessment", "exercise", "norms", "vocabulary", "evaluator"])),
            ("id", B.string("Lower-case kebab-case, unique per kind.", pattern: B.kebab)),
            ("replaces", B.string("The id of the earlier layer's document of this kind that this one replaces, on purpose", pattern: B.kebab)),
        ]
        let documents: [JSONValue] = [
            conditional(kind: "assessment", then: assessmentDocument(header, registry: registry)),
            conditional(kind: "exercise", then: exerciseDocument(header)),
            conditional(kind: "norms", then: normsDocument(header)),
            conditional(kind: "vocabulary", then: B.object(header + [
                ("regions", B.array(B.string(pattern: B.kebab), "Words assessments' regions may use")),
                ("targets", B.array(B.string(pattern: B.kebab), "Words exercises' targets may use")),
            ], required: ["kind", "id"])),
            conditional(kind: "evaluator", then: evaluatorDocument(header)),
        ]
        let root = JSONValue.object([
            ("type", .string("object")), ("required", .array([.string("kind"), .string("id")])),
            ("properties", .object(header)), ("allOf", .array(documents)),
        ])
        return B.document(
            id: "urn:backcheck:schema:catalogue:1", title: "BackCheck catalogue document",
            description: "An assessment, exercise or norms document of a BackCheck catalogue (format 1).", root: root)
    }

    /// `kind: evaluator` (wasm-evaluators spec 1).
    private static func evaluatorDocument(_ header: SchemaBuilder.Members) -> JSONValue {
        typealias B = SchemaBuilder
        let key = B.object([
            ("key", B.string("The key as written in the scoring block")),
            ("type", B.choice(["number", "integer", "boolean", "text", "input-name", "finding-id", "expression", "list", "mapping"])),
            ("required", B.boolean()), ("doc", B.string("What the key means")),
        ], required: ["key", "type", "doc"])
        return B.object(header + [
            ("module", B.string("The .wasm file, relative to this YAML file and inside the catalogue folder")),
            ("sha256", B.string("The module's SHA-256, 64 lower-case hex digits", pattern: "^[0-9a-f]{64}$")),
            ("summary", B.string("One line for backcheck plugins")),
            ("scoring_keys", B.array(key, "The keys of the scoring block assessments give this evaluator")),
            ("limits", B.object([
                ("fuel", B.integer("Instructions per call, up to 100000000 (default 10000000)", minimum: 1)),
                ("memory_mb", B.integer("Memory cap in MiB, up to 64 (default 16)", minimum: 1)),
            ])),
        ], required: ["kind", "id", "module", "sha256", "summary", "scoring_keys"])
    }

    private static func conditional(kind: String, then schema: JSONValue) -> JSONValue {
        .object([
            ("if", .object([("properties", .object([("kind", .object([("const", .string(kind))]))])), ("required", .array([.string("kind")]))])),
            ("then", schema),
        ])
    }

    private static func assessmentDocument(_ header: SchemaBuilder.Members, registry: PluginRegistry) -> JSONValue {
        typealias B = SchemaBuilder
        let expression = B.string("An expression (spec section 4).")
        let input = B.object([
            ("label", B.string()), ("help", B.string()), ("type", B.choice(InputSpec.InputType.allCases.map(\.rawValue))),
            ("unit", B.choice(["deg", "s", "cm", "reps", "kg", "bpm", "percent", "none"])),
            ("range", B.array(B.typed("number"), "[low, high], inclusive", minItems: 2, maxItems: 2)),
            ("sides", B.array(B.choice(["left", "right"]), "[left, right] makes the input bilateral")),
            ("mdc", B.number("Minimal detectable change, in the unit", minimum: 0)), ("optional", B.boolean()), ("lower_is_better", B.boolean("Which way is better, so a change reads as improved or worse")),
            ("rest_after_s", B.number("Rest the protocol asks for after timing this input; a guided run counts it down", minimum: 1)),
            ("voids_results", B.boolean("A yes/no question whose yes makes the measurements invalid (a hold stopped by pain): only referral findings are kept, with no score")),
            ("choices", B.array(B.string(pattern: "^[a-z0-9]+([-_][a-z0-9]+)*$"))), ("choice_labels", B.map(B.string())),
        ], required: ["label", "type"])
        let finding = B.object([
            ("title", B.string()), ("explain", B.string()), ("tier", B.choice(Tier.allCases.map(\.rawValue))),
            ("recommend", B.array(B.object([("exercise", B.string(pattern: B.kebab)), ("when", expression)], required: ["exercise"]))),
            ("urgency", B.choice(Urgency.allCases.map(\.rawValue), "Required for refer findings")),
            ("advice", B.string("Required for refer findings: what to do and how soon")),
            ("painful_pattern", B.choice(MovementPattern.allCases.map(\.rawValue),
                                         "The lift that hurts: its loaded exercises stay out of the plan, their regressions are offered")),
            ("neural_tension", B.boolean("A nerve-tension sign: stretches_nerve exercises stay out of the plan on that side")),
            ("no_stretching", B.boolean("Refer findings only: a possible bone stress injury, so stretches and mobility drills stay out of the plan")),
            ("no_exercise", B.boolean("Refer findings only: a red flag whose cause a doctor checks before any exercise is prescribed, so the plan holds no exercises while it is raised")),
        ], required: ["title", "explain", "tier"])
        // `- knee-cave` is shorthand for `- {id: knee-cave}`, as the reader (and `backcheck new`) has it.
        let findingRef = B.anyOf([
            B.object([("id", B.string(pattern: B.kebab)), ("side", B.choice(["left", "right"]))], required: ["id"]),
            B.string("A finding id, either side", pattern: B.kebab),
        ])
        let example = B.object([
            ("name", B.string()), ("answers", B.typed("object")), ("profile", profile),
            ("expect", B.object([
                ("findings", B.array(findingRef, "Findings that must be raised; [] for none at all")), ("not_findings", B.array(findingRef)),
                ("status", B.choice(["good", "fair", "poor", "refer", "unscored"])),
                ("score", B.object([("min", B.number()), ("max", B.number())])),
                ("referral", B.choice(Urgency.allCases.map(\.rawValue) + ["none"])),
            ])),
        ], required: ["name", "answers", "expect"])
        let scoring = registry.plugins.map { plugin in
            JSONValue.object([
                ("if", .object([("properties", .object([("evaluator", .object([("const", .string(plugin.id))]))]))])),
                ("then", .object([("properties", .object([("scoring", ScoringSchema.schema(for: plugin))]))])),
            ])
        }
        let properties: B.Members = header + [
            ("version", B.integer(minimum: 1)), ("title", B.string()),
            ("category", B.choice(Category.allCases.map(\.rawValue))), ("regions", B.array(B.string())),
            ("duration_min", B.number(minimum: 0)), ("retest_weeks", B.integer("Weeks until the test is worth repeating, 1 to 52 (default 4)", minimum: 1)), ("summary", B.string()), ("equipment", B.array(B.string())),
            ("instructions", B.string("Numbered steps")), ("inputs", B.map(input, keyPattern: B.snake)),
            ("derived", B.map(expression, keyPattern: B.snake)),
            ("evaluator", B.choice(registry.ids, "The evaluator plugin")), ("scoring", B.typed("object")),
            ("findings", B.map(finding, keyPattern: B.kebab)),
            ("evidence", B.object([
                ("level", B.choice(EvidenceLevel.allCases.map(\.rawValue))), ("note", B.string("Shown to people: how far to trust the result")),
                ("provenance", B.string("For authors and reviewers: where the figures came from; never printed")),
            ], required: ["level"])),
            ("references", B.array(B.string())), ("examples", B.array(example)),
        ]
        // What the loader requires: a file this schema accepts also loads.
        var object = B.object(properties, required: [
            "kind", "id", "version", "title", "category", "duration_min", "summary", "instructions", "inputs", "evaluator",
            "scoring", "findings", "evidence", "references",
        ])
        if case .object(var members) = object {
            members.append(("allOf", .array(scoring)))
            object = .object(members)
        }
        return object
    }

    private static func exerciseDocument(_ header: SchemaBuilder.Members) -> JSONValue {
        typealias B = SchemaBuilder
        return B.object(header + [
            ("name", B.string()), ("type", B.choice(Exercise.Kind.allCases.map(\.rawValue))), ("targets", B.array(B.string())),
            ("dosage", B.object([
                ("sets", B.integer(minimum: 1)), ("reps", B.integer(minimum: 1)),
                ("pyramid", B.boolean("reps is the first group of a descending pyramid, each group two fewer: 5 gives 5-3-1")), ("hold_s", B.number(minimum: 1)),
                ("per_side", B.boolean()), ("frequency", B.string()), ("duration_min", B.number(minimum: 0)), ("note", B.string()),
                ("without_lifting", B.object([("frequency", B.string()), ("note", B.string())])),
            ] + ProgramSchema.dosageRangeMembers)),
            ("instructions", B.string()), ("cues", B.array(B.string())), ("cautions", B.array(B.string())),
            ("regression", B.string(pattern: B.kebab)), ("progression", B.string(pattern: B.kebab)),
            ("loaded", B.boolean("Loaded work: a referral, an incomplete screen, a painful lift of its pattern or a recent back injury keeps it out")),
            ("pattern", B.choice(MovementPattern.allCases.map(\.rawValue), "The lift pattern it trains")),
            ("stretches_nerve", B.boolean("A stretch that also tensions the sciatic nerve")),
            ("poses", ProgramSchema.poses),
            ("references", B.array(B.string())),
        ], required: ["kind", "id", "name", "type", "dosage", "instructions"])
    }

    private static func normsDocument(_ header: SchemaBuilder.Members) -> JSONValue {
        typealias B = SchemaBuilder
        let band = B.object([("mean", B.typed("number")), ("sd", B.number(minimum: 0)), ("ages", B.array(B.typed("number"), minItems: 2, maxItems: 2))], required: ["mean", "sd"])
        let bands = B.anyOf([band, B.array(band, minItems: 1)])
        return B.object(header + [
            ("source", B.string()), ("population", B.string()), ("note", B.string()),
            ("provenance", B.string("For authors and reviewers: where the figures came from; never printed")),
            ("measures", B.map(B.object([("unit", B.string()), ("male", bands), ("female", bands)], required: ["male", "female"]))),
        ], required: ["kind", "id", "source", "population", "measures"])
    }
}
