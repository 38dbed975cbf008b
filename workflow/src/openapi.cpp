#include "service.h"

namespace rodtrad::workflow {

const std::string& Service::openApi() {
    static const std::string description = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "rodtrad workflow service",
    "version": "1",
    "description": "Approval rounds for a municipality's plans and ISO 14001 records: documents with immutable revisions, workflow transitions with roles, quorum and segregation of duties, and a hash-chained audit trail. Errors are application/problem+json."
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}},
      "Diagnostic": {"type": "object", "properties": {"file": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"}, "severity": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}}},
      "Document": {"type": "object", "properties": {"id": {"type": "string"}, "kind": {"type": "string"}, "title": {"type": "string"}, "unit": {"type": "string"}, "state": {"type": "string"}, "revision": {"type": "integer"}, "sha256": {"type": "string"}, "approvedRevision": {"type": "integer", "nullable": true}}},
      "Transition": {"type": "object", "required": ["action"], "properties": {"action": {"type": "string", "enum": ["submit", "approve", "request_changes", "reject", "withdraw", "publish", "retire"]}, "comment": {"type": "string"}}},
      "TransitionResult": {"type": "object", "properties": {"id": {"type": "string"}, "action": {"type": "string"}, "state": {"type": "string"}, "revision": {"type": "integer"}, "approvals": {"type": "integer"}, "quorum": {"type": "integer"}}},
      "AuditEvent": {"type": "object", "properties": {"seq": {"type": "integer"}, "at": {"type": "integer", "description": "microseconds since 1970"}, "who": {"type": "string"}, "action": {"type": "string"}, "document": {"type": "string"}, "revision": {"type": "integer"}, "detail": {"type": "string"}, "previousHash": {"type": "string"}, "hash": {"type": "string"}}}
    }
  },
  "security": [{"bearer": []}],
  "paths": {
    "/healthz": {"get": {"summary": "Liveness: the process answers", "security": [], "responses": {"200": {"description": "alive"}}}},
    "/readyz": {"get": {"summary": "Readiness: the database answers and holds the municipality", "security": [], "responses": {"200": {"description": "ready; the store it uses"}, "503": {"description": "not ready: the database is unreachable; why"}}}},
    "/api/openapi.json": {"get": {"summary": "This description", "security": [], "responses": {"200": {"description": "OpenAPI 3"}}}},
    "/api/v1/documents": {
      "get": {"summary": "List documents", "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string"}}, {"name": "unit", "in": "query", "schema": {"type": "string"}}, {"name": "state", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {"description": "documents", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}}}, "401": {"description": "no or unknown token"}}},
      "post": {"summary": "Create a document from its XML as a draft", "requestBody": {"required": true, "content": {"application/xml": {}}}, "responses": {"201": {"description": "created; Location and ETag"}, "401": {"description": "no or unknown token"}, "403": {"description": "role or unit may not"}, "409": {"description": "exists"}, "415": {"description": "not XML"}, "422": {"description": "invalid, with diagnostics", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}
    },
    "/api/v1/documents/{id}": {"get": {"summary": "Metadata of a document", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "metadata; ETag of the latest revision", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}, "404": {"description": "no such document"}}}},
    "/api/v1/documents/{id}/content": {
      "get": {"summary": "XML of the latest revision", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "the XML; ETag", "content": {"application/xml": {}}}, "404": {"description": "no such document"}}},
      "put": {"summary": "A new draft revision", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}}], "requestBody": {"required": true, "content": {"application/xml": {}}}, "responses": {"200": {"description": "revised; new ETag"}, "403": {"description": "role or unit may not"}, "409": {"description": "the latest revision is in review"}, "412": {"description": "stale ETag"}, "422": {"description": "invalid, with diagnostics"}, "428": {"description": "If-Match missing"}}}
    },
    "/api/v1/documents/{id}/revisions/{n}": {"get": {"summary": "An earlier revision, immutable", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "n", "in": "path", "required": true, "schema": {"type": "integer"}}], "responses": {"200": {"description": "the XML", "content": {"application/xml": {}}}, "404": {"description": "no such revision"}}}},
    "/api/v1/documents/{id}/transitions": {"post": {"summary": "Take a workflow action", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transition"}}}}, "responses": {"200": {"description": "done", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransitionResult"}}}}, "202": {"description": "an approval recorded; the quorum is not reached"}, "403": {"description": "role, unit or segregation of duties"}, "404": {"description": "no such document"}, "409": {"description": "not possible from this state"}, "422": {"description": "a comment is required"}}}},
    "/api/v1/documents/{id}/history": {"get": {"summary": "Every event about the document", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "events with who, when, revision, comment"}, "404": {"description": "no such document"}}}},
    "/api/v1/documents/{id}/pdf": {"get": {"summary": "The document as PDF: watermarked until approved; an approved revision is rendered once and served byte for byte the same ever after", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {}}}, "404": {"description": "no such document, or a kind without a PDF"}, "422": {"description": "cannot be rendered"}}}},
    "/public/": {"get": {"summary": "The published documents", "security": [], "responses": {"200": {"description": "id, kind, title, revision, href of each"}}}},
    "/public/{file}": {"get": {"summary": "A published document's PDF, without a token", "security": [], "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string", "example": "sp-2025-2027.pdf"}}], "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {}}}, "404": {"description": "nothing published under that name"}}}},
    "/api/v1/rounds": {
      "get": {"summary": "Approval rounds", "responses": {"200": {"description": "rounds"}}},
      "post": {"summary": "Start an approval round", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name", "due"], "properties": {"name": {"type": "string"}, "due": {"type": "string", "format": "date"}, "kinds": {"type": "array", "items": {"type": "string"}}, "units": {"type": "array", "items": {"type": "string"}}}}}}}, "responses": {"201": {"description": "created; Location"}, "403": {"description": "authors may not"}, "422": {"description": "invalid name, date or kind"}}}
    },
    "/api/v1/rounds/{round}": {"get": {"summary": "A round's dashboard: per unit and document the state, whom it waits for and whether it is overdue", "parameters": [{"name": "round", "in": "path", "required": true, "schema": {"type": "integer"}}], "responses": {"200": {"description": "approved, total, overdue and the documents"}, "404": {"description": "no such round"}}}},
    "/api/v1/evidence": {"get": {"summary": "The ISO 14001 evidence pack: index with the coverage matrix judged today, a PDF per record, sources, approvals, the audit trail and a manifest with SHA-256", "parameters": [{"name": "edition", "in": "query", "schema": {"type": "string", "enum": ["2015", "2026"]}}], "responses": {"200": {"description": "the pack", "content": {"application/zip": {}}}, "422": {"description": "unknown edition, or the documents cannot be rendered"}}}},
    "/api/v1/audit": {"get": {"summary": "The hash-chained audit trail", "parameters": [{"name": "after", "in": "query", "schema": {"type": "integer"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10000}}], "responses": {"200": {"description": "events", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEvent"}}}}}}}},
    "/api/v1/audit/verify": {"get": {"summary": "Verify the chain and every stored revision", "responses": {"200": {"description": "ok, events, problems"}}}},
    "/api/v1/session": {
      "post": {"summary": "Sign in with a user name and password: a session token for twelve hours", "security": [], "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name", "password"], "properties": {"name": {"type": "string"}, "password": {"type": "string"}}}}}}, "responses": {"201": {"description": "token, expiresAt, user"}, "400": {"description": "no name or password"}, "401": {"description": "unknown user or wrong password (audited)"}, "429": {"description": "too many failed attempts for the name; Retry-After"}}},
      "get": {"summary": "Who the token belongs to", "responses": {"200": {"description": "name, role, unit"}}},
      "delete": {"summary": "Sign out: the session's token stops working", "responses": {"204": {"description": "ended"}, "409": {"description": "the token is a user's own, not a session's"}}}
    },
    "/api/v1/tasks": {"get": {"summary": "What waits for the user: documents to write, review, approve or publish, with the due dates of their rounds, overdue first", "responses": {"200": {"description": "id, kind, title, unit, state, revision, task, actions, due, round, overdue of each"}}}},
    "/api/v1/documents/{id}/actions": {"get": {"summary": "The actions the document's state has, and for each whether the user may take it now and why not", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "action, next, allowed, reason, commentRequired, votes, quorum of each"}, "404": {"description": "no such document"}}}},
    "/api/v1/documents/{id}/diff": {"get": {"summary": "What changed between two revisions, element by element: from the latest approved revision (or the one before) to the latest unless told", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "from", "in": "query", "schema": {"type": "integer"}}, {"name": "to", "in": "query", "schema": {"type": "integer"}}], "responses": {"200": {"description": "from, to, approvedRevision, changes (change, element, id, label, path, field, before, after)"}, "400": {"description": "no such revision numbers"}, "404": {"description": "no such document"}}}},
    "/api/v1/redthread": {"get": {"summary": "The red thread: perspectives, council goals, the committees' and units' goals and their indicators with target, outcome and status in words", "parameters": [{"name": "period", "in": "query", "schema": {"type": "string", "example": "2025-delar"}}, {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["sv", "en"]}}], "responses": {"200": {"description": "the tree"}, "422": {"description": "bad period or language, or the documents do not check"}}}},
    "/api/v1/coverage": {"get": {"summary": "The ISO 14001 coverage matrix judged today (or asOf): per clause its state, records and gaps", "parameters": [{"name": "edition", "in": "query", "schema": {"type": "string", "enum": ["2015", "2026"]}}, {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["sv", "en"]}}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}], "responses": {"200": {"description": "summary and clauses"}, "422": {"description": "bad edition, date or language, or the documents do not check"}}}},
    "/": {"get": {"summary": "The web pages for quality staff", "security": [], "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
    "/assets/{file}": {"get": {"summary": "The web pages' scripts and styles (ETag; cached for good with the page's ?v=)", "security": [], "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "the file"}, "304": {"description": "not modified"}, "404": {"description": "no such file"}}}}
  }
}
)json";
    return description;
}

} // namespace rodtrad::workflow
