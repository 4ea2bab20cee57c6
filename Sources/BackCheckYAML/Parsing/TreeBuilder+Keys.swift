// The helpers below only read, but are `mutating`: called from the builder's mutating methods,
// a non-mutating method is handed a copy of the whole builder (a 265-byte copy and a retain of
// every array, for every key of every mapping).
extension TreeBuilder {
    /// What to do with the pair whose key is the node at `key`, in the open mapping at `index`:
    /// merge (`<<`), drop it (its key repeats one, reported) or keep it.
    mutating func keyAction(for key: Int32, in index: Int, at aliasMark: SourceMark? = nil) -> KeyAction {
        let keyLine = Int(records[Int(key)].line)
        let line = aliasMark?.line ?? keyLine
        if isMergeKey(key) {
            // `<<` is a key like any other: written twice, the second is a duplicate.
            if let first = stack[index].mergeKeyLine {
                diagnostics.error(DuplicateKey.message("<<", first: (first, nil), again: line), at: aliasMark ?? mark(of: key))
                return .drop
            }
            stack[index].mergeKeyLine = line
            return .merge
        }
        guard let identity = keyIdentity(of: key) else { return .keep }
        if let firstLine = firstLine(of: identity, in: index) {
            let record = records[Int(key)]
            let text = VisibleText.excerpt(record.kind == .scalar ? texts[Int(record.first)] : "")
            diagnostics.error(
                DuplicateKey.message(text, first: (firstLine, nil), again: line), at: aliasMark ?? mark(of: key))
            return .drop
        }
        keys.append(SeenKey(identity: identity, line: line))
        let start = stack[index].keysStart
        if stack[index].keyIndex != nil {
            stack[index].keyIndex?[identity] = keyLine
        } else if keys.count - start > 32 {
            // Mappings are small: a list searched from the front beats hashing until one grows.
            var keyIndex: [KeyIdentity: Int] = [:]
            for seen in keys[start...].reversed() { keyIndex[seen.identity] = seen.line }
            stack[index].keyIndex = keyIndex
        }
        return .keep
    }

    /// The line where the open mapping at `index` first has a key with `identity`, if it has one.
    private mutating func firstLine(of identity: KeyIdentity, in index: Int) -> Int? {
        if let keyIndex = stack[index].keyIndex { return keyIndex[identity] }
        for seen in keys[stack[index].keysStart...] where seen.identity == identity { return seen.line }
        return nil
    }

    /// Whether the node at `index` is the merge key: a plain `<<` with no tag but the merge tag.
    private mutating func isMergeKey(_ index: Int32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, record.style == .plain, texts[Int(record.first)].isSameText(as: "<<") else { return false }
        let tag = properties(of: index)?.tag
        return tag == nil || tag == "tag:yaml.org,2002:merge"
    }

    /// What makes the key at `index` the same as another (see ``YAMLNode/keyIdentity``), or
    /// `nil` for a collection.
    mutating func keyIdentity(of index: Int32) -> KeyIdentity? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        // Nearly every key is an untagged word: answered without making a node.
        if properties(of: index)?.tag == nil,
           let identity = KeyIdentity.ofUntagged(texts[Int(record.first)], style: record.style) {
            return identity
        }
        return temporaryScalar(at: index).keyIdentity
    }

    /// The scalar at `index` as a node of its own, for the rare checks that need a whole node.
    private mutating func temporaryScalar(at index: Int32) -> YAMLNode {
        let record = records[Int(index)]
        let properties = properties(of: index)
        return YAMLNode(
            .scalar(YAMLScalar(text: texts[Int(record.first)], style: record.style)), mark: mark(of: index),
            tag: properties?.tag, anchor: properties?.anchor)
    }

    /// The mappings a `<<` value stands for, or `nil` (reported) when it is not one.
    mutating func mergeSources(_ value: Int32) -> [Int32]? {
        let record = records[Int(value)]
        switch record.kind {
        case .mapping:
            return [value]
        case .sequence:
            let items = Array(children(of: record))
            if items.allSatisfy({ records[Int($0)].kind == .mapping }) { return items }
            diagnostics.error(mergeMessage(found: "a sequence"), at: mark(of: value))
        case .scalar:
            diagnostics.error(mergeMessage(found: temporaryScalar(at: value).kindDescription), at: mark(of: value))
        }
        return nil
    }

    private func mergeMessage(found: String) -> String {
        "the merge key '<<' takes a mapping or a sequence of mappings (such as '<<: *base'), found \(found)"
    }

    /// The explicit keys and values of `collection` (in turns) with each merged mapping's
    /// entries inserted where its `<<` was. Explicit keys win over merged ones, and an earlier
    /// merged mapping over a later one.
    mutating func mergedPairs(of collection: OpenCollection) -> [Int32] {
        let explicit = pairs[collection.start...]
        var taken = Set(keys[collection.keysStart...].map(\.identity))
        var result: [Int32] = []
        var nextMerge = 0
        let count = explicit.count / 2
        for position in 0...count {
            while nextMerge < collection.merges.count, collection.merges[nextMerge].position == position {
                for source in collection.merges[nextMerge].sources {
                    let entries = children(of: records[Int(source)])
                    for slot in stride(from: entries.startIndex, to: entries.endIndex, by: 2) {
                        if let identity = keyIdentity(of: entries[slot]) {
                            guard taken.insert(identity).inserted else { continue }
                        }
                        result.append(entries[slot])
                        result.append(entries[slot + 1])
                    }
                }
                nextMerge += 1
            }
            if position < count {
                result.append(explicit[explicit.startIndex + 2 * position])
                result.append(explicit[explicit.startIndex + 2 * position + 1])
            }
        }
        return result
    }
}
