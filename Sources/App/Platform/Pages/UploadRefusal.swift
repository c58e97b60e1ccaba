/// Why an uploaded file was refused, as an import page shows it: a message, and the problems found in the file
/// (the first hundred of `count`), each at its place.
struct UploadRefusal<Problem: Sendable>: Sendable {
    var error: String
    var problems: [Problem] = []
    var count = 0
}

/// One problem of a refused file: where in the file, and what is wrong, both in the reader's language.
struct FileProblemRow: Encodable, Sendable, Equatable {
    let place: String
    let message: String
}
