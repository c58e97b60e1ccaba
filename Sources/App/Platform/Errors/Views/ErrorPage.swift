/// What went wrong, in the reader's language, with the HTTP status.
struct ErrorPage: PageModel {
    static let template = "error"
    let titleKey = "error.title"

    let status: UInt
    let message: String
}
