/** Elixir: Plug and Phoenix (status atoms, routers, ConnTest), Tesla / Req / Finch clients. */
import type { Vocabulary } from '../vocabulary';
import { LINE_START } from './fragments';

const EX = ['elixir'];
/**
 * The status argument of a Plug / Phoenix call, piped (`|> put_status(`) or not (`put_status(conn, `), and the status
 * Plug answers an exception with (`defexception message: "…", plug_status: 404`).
 */
const STATUS_ARGUMENT = String.raw`\b(?:put_status|send_resp)\s*\(\s*(?:[\w.]+\s*,\s*)?|\b(?:resp|json_response|html_response|text_response|response|redirected_to)\s*\(\s*[\w.]+\s*,\s*|\bStatus\s*\.\s*(?:code|reason_phrase)\s*\(\s*|\bassert_error_sent\s*\(?\s*|\bplug_status:\s*`;

export const ELIXIR: Vocabulary = {
  families: [
    {
      id: 'plug-status-atom', framework: 'Plug / Phoenix', kind: 'status', spelling: '{snake}',
      names: { 413: 'request_entity_too_large', 414: 'request_uri_too_long', 416: 'requested_range_not_satisfiable', 418: 'im_a_teapot', 422: 'unprocessable_entity' },
      aliases: { content_too_large: 413, uri_too_long: 414, range_not_satisfiable: 416, unprocessable_content: 422 },
    },
    { id: 'elixir-route-dsl', framework: 'Phoenix / Plug.Router / ConnTest', kind: 'method', spelling: '{lower}' },
    { id: 'elixir-http-client', framework: 'Tesla / Req / HTTPoison', kind: 'method', spelling: '{lower}' },
    { id: 'elixir-method-atom', framework: 'Req / Finch / Tesla', kind: 'method', spelling: '{lower}' },
  ],
  rules: [
    { on: 'name', family: 'plug-status-atom', languages: EX, qualifier: ':', before: STATUS_ARGUMENT },
    { on: 'name', family: 'elixir-route-dsl', languages: EX, before: LINE_START, after: String.raw`[ \t]*\(?[ \t]*(?:~p)?"` },
    { on: 'name', family: 'elixir-route-dsl', languages: EX, notBefore: String.raw`\bdefp?\s+`, before: String.raw`(?:\|>\s*|(?<![.\w])\s*)`, after: String.raw`\s*\(\s*(?:conn\b|(?:~p)?")` },
    { on: 'name', family: 'elixir-http-client', languages: EX, before: String.raw`\b(?:Tesla|Req|HTTPoison|HTTPotion)\s*\.\s*`, after: String.raw`!?\s*\(` },
    { on: 'name', family: 'elixir-method-atom', languages: EX, qualifier: ':', before: String.raw`\bmethod:\s*|\b(?:Finch|Mint\s*\.\s*HTTP)\s*\.\s*(?:build|request)\s*\(\s*(?:[\w.]+\s*,\s*)?` },

    { on: 'number', languages: EX, anyCode: true, before: STATUS_ARGUMENT },
  ],
};
