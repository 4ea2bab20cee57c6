import BackCheckYAML
import Foundation
import Testing

@Suite("Files: reading and finding YAML files")
struct YAMLFileTests {
    /// A fresh temporary folder holding `files` (relative paths with contents).
    private func folder(with files: [String: String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-yaml-\(UUID().uuidString)")
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return base.path
    }

    @Test func foldersAreSearchedSortedAndHiddenEntriesSkipped() throws {
        let root = try folder(with: [
            "b.yml": "b: 1", "a.yaml": "a: 1", "notes.txt": "x", ".hidden/h.yaml": "h: 1",
            "sub/c.yaml": "c: 1", "sub/deeper/d.yaml": "d: 1",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (files, diagnostics) = YAMLFileFinder.files(in: [root + "/", root + "/notes.txt", root + "/a.yaml"])
        #expect(diagnostics.isEmpty)
        #expect(files.map { String($0.dropFirst(root.count)) } == [
            "/a.yaml", "/b.yml", "/sub/c.yaml", "/sub/deeper/d.yaml", "/notes.txt",
        ])
    }

    @Test func missingPathsAreReported() {
        let (files, diagnostics) = YAMLFileFinder.files(in: ["/no/such/place"])
        #expect(files.isEmpty)
        #expect(diagnostics.all.map(\.description) == ["error: /no/such/place: no such file or folder"])
    }

    @Test func parseFileReadsAndReportsUnreadableFiles() throws {
        let root = try folder(with: ["good.yaml": "id: x\nid: y\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let good = YAMLParser().parseFile(atPath: root + "/good.yaml")
        #expect(good.documents.count == 1)
        #expect(good.diagnostics.all.map(\.description) == [
            "\(root)/good.yaml:2:1: error: duplicate key 'id': first at line 1, again at line 2",
        ])
        let missing = YAMLParser().parseFile(atPath: root + "/missing.yaml")
        #expect(missing.diagnostics.all.map(\.description) == ["\(root)/missing.yaml:1:1: error: no such file"])
        let isFolder = YAMLParser().parseFile(atPath: root)
        #expect(isFolder.diagnostics.all.map(\.description) == ["\(root):1:1: error: this is a folder, not a file"])
        let tooBig = YAMLParser(limits: YAMLLimits(maxFileBytes: 4)).parseFile(atPath: root + "/good.yaml")
        #expect(tooBig.diagnostics.all.map(\.message) == ["the file is larger than the limit of 4 bytes"])
    }
}
