import BackCheckExpressions
import Testing

@Suite("Values, scopes and bindings")
struct ValueTests {
    @Test("values print the way a person writes them", arguments: [
        (Value.number(8), "8"), (.number(0.53), "0.53"), (.number(-12), "-12"), (.number(-0.0), "0"),
        (.number(1.5e20), "1.5e+20"), (.number(100), "100"), (.bool(true), "true"), (.bool(false), "false"),
        (.string("glute-max"), "glute-max"), (.sequence(["a", "b"]), "a, b"), (.sequence([]), ""),
    ])
    func description(value: Value, expected: String) {
        #expect(value.description == expected)
    }

    @Test("kinds and accessors")
    func kinds() {
        #expect(Value.number(1).kind == .number)
        #expect(Value.bool(true).kind == .boolean)
        #expect(Value.string("x").kind == .string)
        #expect(Value.sequence([]).kind == .sequence)
        #expect(Value.number(2).numberValue == 2)
        #expect(Value.string("x").numberValue == nil)
        #expect(Value.bool(false).boolValue == false)
        #expect(Value.string("x").stringValue == "x")
        #expect(Value.sequence(["a"]).sequenceValue == ["a"])
    }

    @Test("every scope holds the profile fields, optional")
    func profile() {
        let scope = Scope()
        #expect(scope.names == ["profile.age", "profile.bodyweight_kg", "profile.sex", "profile.training_days_per_week"])
        #expect(scope.info(for: "profile.sex") == NameInfo(kind: .string, optional: true))
        #expect(scope.info(for: "profile.age") == NameInfo(kind: .number, optional: true))
        #expect(scope.info(for: "hip_angle") == nil)
    }

    @Test("declaring adds a name or replaces what it means")
    func declare() throws {
        var scope = Scope(["hold": NameInfo(kind: .number)])
        scope.declare("ratio_value", NameInfo(kind: .number))
        scope.declare("hold", NameInfo(kind: .number, bilateral: true))
        #expect(scope.info(for: "hold")?.bilateral == true)
        #expect(scope.names.contains("ratio_value"))
        #expect(try compiled("hold > ratio_value", scope: scope).isPerSide)
    }

    @Test("bindings are read and written by name")
    func bindings() {
        var bindings = Bindings(["a": number(1)])
        bindings["b"] = sides(1, nil)
        #expect(bindings["a"] == number(1))
        #expect(bindings["b"]?.value(on: .left) == .number(1))
        #expect(bindings["b"]?.value(on: .right) == nil)
        #expect(bindings["c"] == nil)
        #expect(bindings.names == ["a", "b"])
        bindings["a"] = nil
        #expect(bindings["a"] == nil)
    }

    @Test("outcomes expose their value or reason")
    func outcomes() {
        #expect(Outcome.value(.number(1)).value == .number(1))
        #expect(Outcome.value(.number(1)).reason == nil)
        #expect(Outcome.notApplicable(reason: "r").reason == "r")
        #expect(Outcome.notApplicable(reason: "r").value == nil)
    }

    @Test("the function names are published for documentation")
    func functionNames() {
        #expect(Expression.functionNames == [
            "min", "max", "abs", "clamp", "ratio", "first", "index", "answered", "weaker_side", "asymmetry",
        ])
    }
}
