/** C#: ASP.NET Core (StatusCodes, controller and minimal-API results, attributes), System.Net HttpStatusCode, HttpClient. */
import type { Vocabulary } from '../vocabulary';

const CS = ['csharp'];
const GENERIC_ARGS = String.raw`\s*(?:<[^<>()]*>\s*)?\(`;

export const DOTNET: Vocabulary = {
  families: [
    {
      id: 'aspnet-statuscodes', framework: 'ASP.NET Core StatusCodes', kind: 'status', spelling: 'Status{code}{Pascal}',
      names: {
        200: 'Status200OK', 203: 'Status203NonAuthoritative', 226: 'Status226IMUsed', 306: 'Status306SwitchProxy', 413: 'Status413PayloadTooLarge',
        414: 'Status414UriTooLong', 416: 'Status416RangeNotSatisfiable', 418: 'Status418ImATeapot', 422: 'Status422UnprocessableEntity', 505: 'Status505HttpVersionNotsupported',
      },
    },
    {
      id: 'dotnet-httpstatuscode', framework: 'System.Net HttpStatusCode', kind: 'status', spelling: '{Pascal}',
      names: { 200: 'OK', 203: 'NonAuthoritativeInformation', 226: 'IMUsed', 306: 'Unused', 413: 'RequestEntityTooLarge', 414: 'RequestUriTooLong', 416: 'RequestedRangeNotSatisfiable', 422: 'UnprocessableEntity', 505: 'HttpVersionNotSupported' },
      aliases: { Ambiguous: 300, Moved: 301, Redirect: 302, RedirectMethod: 303, RedirectKeepVerb: 307, UnprocessableContent: 422 },
    },
    {
      id: 'aspnet-result-helper', framework: 'ASP.NET Core results', kind: 'status',
      names: {
        200: 'Ok', 201: 'Created', 202: 'Accepted', 204: 'NoContent', 301: 'RedirectPermanent', 302: 'Redirect', 307: 'RedirectPreserveMethod',
        308: 'RedirectPermanentPreserveMethod', 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbid', 404: 'NotFound', 409: 'Conflict', 422: 'UnprocessableEntity',
      },
      aliases: { CreatedAtAction: 201, CreatedAtRoute: 201, AcceptedAtAction: 202, AcceptedAtRoute: 202, LocalRedirect: 302, LocalRedirectPermanent: 301, ValidationProblem: 400 },
    },
    {
      id: 'aspnet-result-class', framework: 'ASP.NET Core MVC results', kind: 'status',
      names: { 200: 'OkResult', 201: 'CreatedResult', 202: 'AcceptedResult', 204: 'NoContentResult', 400: 'BadRequestResult', 401: 'UnauthorizedResult', 403: 'ForbidResult', 404: 'NotFoundResult', 409: 'ConflictResult', 422: 'UnprocessableEntityResult' },
      aliases: {
        OkObjectResult: 200, CreatedAtActionResult: 201, CreatedAtRouteResult: 201, AcceptedAtActionResult: 202, BadRequestObjectResult: 400,
        UnauthorizedObjectResult: 401, NotFoundObjectResult: 404, ConflictObjectResult: 409, UnprocessableEntityObjectResult: 422,
      },
    },
    { id: 'aspnet-http-attribute', framework: 'ASP.NET Core', kind: 'method', spelling: 'Http{Pascal}' },
    { id: 'aspnet-map', framework: 'ASP.NET Core minimal APIs', kind: 'method', spelling: 'Map{Pascal}' },
    { id: 'dotnet-httpmethod', framework: 'System.Net.Http / ASP.NET HttpMethods', kind: 'method', spelling: '{Pascal}' },
    {
      id: 'dotnet-httpclient', framework: 'System.Net.Http HttpClient', kind: 'method',
      names: { GET: 'GetAsync', POST: 'PostAsync', PUT: 'PutAsync', PATCH: 'PatchAsync', DELETE: 'DeleteAsync' },
      aliases: {
        GetStringAsync: 'GET', GetByteArrayAsync: 'GET', GetStreamAsync: 'GET', GetFromJsonAsync: 'GET', PostAsJsonAsync: 'POST',
        PutAsJsonAsync: 'PUT', PatchAsJsonAsync: 'PATCH', DeleteFromJsonAsync: 'DELETE',
      },
    },
    { id: 'aspnet-headernames', framework: 'ASP.NET Core HeaderNames / System.Net', kind: 'header', spelling: '{Pascal}' },
  ],
  rules: [
    { on: 'name', family: 'aspnet-statuscodes', languages: CS, qualifier: String.raw`(?:\bStatusCodes\s*\.\s*)?` },
    { on: 'name', family: 'dotnet-httpstatuscode', languages: CS, qualifier: String.raw`\b(?:System\s*\.\s*Net\s*\.\s*)?HttpStatusCode\s*\.\s*` },
    { on: 'name', family: 'aspnet-result-helper', languages: CS, qualifier: String.raw`\b(?:Results|TypedResults)\s*\.\s*`, after: GENERIC_ARGS },
    { on: 'name', family: 'aspnet-result-helper', languages: CS, before: String.raw`(?:\breturn\s+|=>\s*|\bawait\s+|[?:]\s*)`, qualifier: String.raw`(?:\b(?:this|base)\s*\.\s*)?`, after: GENERIC_ARGS },
    { on: 'name', family: 'aspnet-result-class', languages: CS, before: String.raw`\bnew\s+`, after: GENERIC_ARGS },
    { on: 'name', family: 'aspnet-http-attribute', languages: CS, before: String.raw`[\[,]\s*`, after: String.raw`\s*[\](,]` },
    { on: 'name', family: 'aspnet-map', languages: CS, before: String.raw`\.\s*`, after: GENERIC_ARGS },
    { on: 'name', family: 'dotnet-httpmethod', languages: CS, qualifier: String.raw`\bHttpMethods?\s*\.\s*` },
    { on: 'name', family: 'dotnet-httpclient', languages: CS, before: String.raw`\b\w*[Cc]lient\s*\.\s*`, after: GENERIC_ARGS },
    { on: 'name', family: 'aspnet-headernames', languages: CS, qualifier: String.raw`\b(?:HeaderNames|HttpRequestHeader|HttpResponseHeader)\s*\.\s*` },

    { on: 'number', languages: CS, anyCode: true, before: String.raw`\bStatusCode(?:Result)?\s*\(\s*` },
    { on: 'number', languages: CS, anyCode: true, before: String.raw`\b(?:ProducesResponseType|SwaggerResponse|ProducesErrorResponseType)\s*(?:<[^<>]*>)?\s*\(\s*(?:typeof\s*\([^()]*\)\s*,\s*)?` },
  ],
};
