/// Every case of the YAML test suite where libyaml 0.2.5 (through ``YAMLParser``) and the
/// suite disagree, with the reason. The suite test fails when a case not listed here
/// disagrees, and when a listed case starts to agree, so the list stays honest.
///
/// None of these comes from BackCheck's own checks (duplicate keys, aliases, limits): all
/// are libyaml's YAML 1.1 scanner and parser.
enum YAMLSuiteDisagreements {
    /// What disagreement to expect, and why.
    struct Entry {
        let kind: SuiteDisagreement
        let reason: String
    }

    private static func accepts(_ reason: String) -> Entry { Entry(kind: .acceptsInvalid, reason: "libyaml accepts invalid: " + reason) }
    private static func rejects(_ reason: String) -> Entry { Entry(kind: .rejectsValid, reason: "libyaml rejects valid YAML 1.2: " + reason) }
    private static func differs(_ reason: String) -> Entry { Entry(kind: .jsonDiffers, reason: "JSON differs: " + reason) }

    static let known: [String: Entry] = [
        // Invalid inputs libyaml lets through.
        "9C9N": accepts("a flow sequence continued at a lower indentation than its block key"),
        "9HCY": accepts("a %TAG directive after a bare document without the '...' document end marker"),
        "9JBA": accepts("a comment with no space before '#' right after ']'"),
        "CVW2": accepts("a comment with no space before '#' right after ','"),
        "DK95/01": accepts("a tab used as indentation inside a multi-line double-quoted scalar"),
        "EB22": accepts("a %YAML directive after a document without the '...' document end marker"),
        "G5U8": accepts("a lone '-' as a plain scalar inside a flow sequence"),
        "MUS6/00": accepts("a comment with no space before '#' after a %YAML directive"),
        "MUS6/01": accepts("a second %YAML directive without the '...' document end marker before it"),
        "QB6E": accepts("continuation lines of a double-quoted value indented less than its key"),
        "RHX7": accepts("a %YAML directive after a document without the '...' document end marker"),
        "S98Z": accepts("a folded block scalar whose leading empty lines are more indented than its first content line"),
        "SU5Z": accepts("a comment with no space before '#' after a double-quoted scalar"),
        "X4QW": accepts("a comment with no space before '#' after a block scalar indicator"),
        "Y79Y/003": accepts("a tab as indentation inside a flow sequence in a block sequence"),
        "YJV2": accepts("a lone '-' as a plain scalar inside a flow sequence"),

        // Valid YAML 1.2 that libyaml (a YAML 1.1 parser) rejects.
        "2JQS": rejects("empty implicit keys (': a') in a block mapping"),
        "2LFX": rejects("a reserved directive (%FOO) is an error to libyaml, a warning in YAML 1.2"),
        "2SXE": rejects("':' inside anchor names (libyaml allows only letters, digits, '-' and '_')"),
        "4ABK": rejects("flow mapping entries with omitted values and a URL-like plain key"),
        "4MUZ/00": rejects("a flow mapping ':' on the line after a quoted key"),
        "4MUZ/01": rejects("a flow mapping ':' on the line after a quoted key"),
        "4MUZ/02": rejects("a flow mapping ':' on the line after a plain key"),
        "58MP": rejects("a flow mapping value starting with ':' ('{x: :x}')"),
        "5MUD": rejects("a flow mapping ':' and adjacent value on the line after a quoted key"),
        "5T43": rejects("':' directly after a quoted key and before an adjacent value ('\"key\"::value')"),
        "6BCT": rejects("a tab as separation space after '-' in a nested block sequence"),
        "6CA3": rejects("a tab before a top-level flow sequence"),
        "6LVF": rejects("a reserved directive (%FOO) is an error to libyaml, a warning in YAML 1.2"),
        "6M2F": rejects("an explicit key '?' followed by an empty-key entry ': *a'"),
        "7Z25": rejects("a bare document after '...' without a '---' marker"),
        "8XYN": rejects("non-ASCII characters in anchor names"),
        "96NN/00": rejects("a tab at the start of literal block content after the indentation"),
        "96NN/01": rejects("a tab at the start of literal block content after the indentation"),
        "9SA2": rejects("a multi-line double-quoted key in a flow mapping"),
        "A2M4": rejects("tabs as separation after '-' in block sequences"),
        "BEC7": rejects("a %YAML 1.3 directive: libyaml refuses any version but 1.1 and 1.2"),
        "CFD4": rejects("empty implicit keys in single-pair flow sequences ('[ : x ]')"),
        "DBG4": rejects("plain scalars starting with '::' inside a flow sequence"),
        "DK3J": rejects("a zero-indented folded scalar at the top level after '--- >'"),
        "DK95/00": rejects("a tab after the indentation of a block mapping value"),
        "DK95/03": rejects("a line holding only a space and a tab before the first key"),
        "DK95/04": rejects("a line holding only a tab between two keys"),
        "FP8R": rejects("a zero-indented folded scalar at the top level after '--- >'"),
        "FRK4": rejects("completely empty keys and values in a flow mapping"),
        "HM87/00": rejects("a flow sequence item starting with ':' ('[:x]')"),
        "HWV9": rejects("a stream holding only the document end marker '...'"),
        "K3WX": rejects("a flow mapping ':' after a comment on the line after a quoted key"),
        "M2N8/00": rejects("an empty key after '?' inside a block sequence"),
        "M7A3": rejects("a bare document after '...' without a '---' marker"),
        "MUS6/05": rejects("an unknown directive (%YAM) is an error to libyaml, a warning in YAML 1.2"),
        "MUS6/06": rejects("an unknown directive (%YAMLL) is an error to libyaml, a warning in YAML 1.2"),
        "NHX8": rejects("an empty implicit key (':') followed by empty lines"),
        "NJ66": rejects("a multi-line plain key in a flow mapping"),
        "NKF9": rejects("empty keys in block and flow mappings"),
        "Q5MG": rejects("a tab at the start of a line before a flow mapping"),
        "QT73": rejects("a stream holding only a comment and the document end marker '...'"),
        "R4YG": rejects("a tab inside the content of an explicitly indented literal block"),
        "S3PD": rejects("an empty implicit key (': # Both empty') in a block mapping"),
        "SM9W/01": rejects("a stream of the single character ':' (an empty key with an empty value)"),
        "UKK6/00": rejects("an empty key with an empty value ('- :') in a block sequence"),
        "UT92": rejects("a flow mapping key spanning lines with a line starting with '%'"),
        "VJP3/01": rejects("a flow mapping whose key, ':' and value are each on their own line"),
        "W4TN": rejects("a %YAML directive after '...' with a new document following"),
        "W5VH": rejects("anchor and alias names made of punctuation (':@*!$\"<foo>:')"),
        "Y79Y/001": rejects("a tab as the only content of a literal block's line"),
        "Y79Y/010": rejects("a tab as separation after '-' before '-1'"),

        // Accepted, but read differently from YAML 1.2.
        "652Z": differs("libyaml reads '?foo' in a flow mapping as an explicit key 'foo', not the plain scalar '?foo'"),
        "HM87/01": differs("libyaml reads '[?x]' as a single-pair mapping {x: null}, not the plain scalar '?x'"),
        "JEF9/02": differs("libyaml drops a trailing line of spaces without a final break from a kept ('|+') literal"),
        "L24T/01": differs("libyaml drops a trailing line of spaces without a final break from a literal block"),
        "Y2GN": differs("libyaml ends the anchor name at ':' ('&an:chor'), leaving ':chor value' as the value"),
    ]
}
