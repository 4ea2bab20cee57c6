extension YAMLNode {
    /// Calls `body` with every scalar under the node (the node itself when it is one), in
    /// document order; mapping keys too when `includingKeys`. For checks that look for a text
    /// anywhere in a block, whatever its shape.
    package func forEachScalar(includingKeys: Bool = false, _ body: (YAMLScalar, YAMLNode) -> Void) {
        switch content {
        case .scalar(let scalar): body(scalar, self)
        case .sequence(let items): for item in items { item.forEachScalar(includingKeys: includingKeys, body) }
        case .mapping(let pairs):
            for pair in pairs {
                if includingKeys { pair.key.forEachScalar(includingKeys: true, body) }
                pair.value.forEachScalar(includingKeys: includingKeys, body)
            }
        }
    }
}
