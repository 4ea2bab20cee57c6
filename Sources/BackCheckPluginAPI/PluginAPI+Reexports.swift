// What a plugin needs from the modules below this one, re-exported so that a plugin imports
// `BackCheckPluginAPI` alone: reading its `scoring` block (nodes, the reader that reports at a
// node's place) and compiling and evaluating expressions. The YAML parser, the JSON reader and
// the expression compiler's internals stay behind.
@_exported public import struct BackCheckYAML.YAMLNode
@_exported public import class BackCheckYAML.NodeReader
@_exported public import struct BackCheckYAML.SourceMark
@_exported public import enum BackCheckYAML.Suggestion
@_exported public import struct BackCheckYAML.DiagnosticLog
@_exported public import protocol BackCheckYAML.YAMLEnumeration
@_exported public import struct BackCheckExpressions.Expression
@_exported public import struct BackCheckExpressions.Bindings
@_exported public import enum BackCheckExpressions.Binding
@_exported public import struct BackCheckExpressions.Scope
@_exported public import struct BackCheckExpressions.NameInfo
@_exported public import enum BackCheckExpressions.Side
@_exported public import enum BackCheckExpressions.Value
@_exported public import enum BackCheckExpressions.ValueKind
