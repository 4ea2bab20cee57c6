/// Files for one worker, taken once, by the thread that claimed them: so that a load letting
/// go of each file once read, is not kept from it by the list of files still to read.
final class FilesHandedOver: @unchecked Sendable {
    typealias File = (file: CatalogueLayer.File, layer: Int, number: Int, builtIn: Bool)
    // Set before any thread starts; read and cleared by one thread only.
    private var files: [File]

    init(_ files: [File]) { self.files = files }

    func take() -> [File] {
        defer { files = [] }
        return files
    }
}
