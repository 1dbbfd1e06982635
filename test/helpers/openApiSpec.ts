/** Generates OpenAPI documents of a given size, shaped like real public specs, with one planted response code. */

export interface GeneratedSpec {
  text: string;
  /** 1-based position of the planted response code's key (the digits, after the quote). */
  line: number;
  column: number;
}

/**
 * An OpenAPI 3 YAML document of about `bytes` bytes: path items with operations, parameters (a header parameter among
 * them), request bodies and responses with schemas and examples. The operation in the middle of the document answers
 * `planted` (e.g. 499) as well.
 */
export function generateOpenApiYaml(bytes: number, planted: number): GeneratedSpec {
  const head = 'openapi: 3.0.3\ninfo:\n  title: Generated API\n  version: 1.0.0\npaths:\n';
  const parts: string[] = [head];
  let size = head.length;
  let line = 0;
  let column = 0;
  const lines = (s: string) => s.split('\n').length - 1;
  let lineCount = lines(head);
  for (let i = 0; size < bytes; i++) {
    const plant = line === 0 && size > bytes / 2;
    const item = pathItem(i, plant ? planted : undefined);
    if (plant) {
      const at = item.indexOf(`'${planted}':`);
      line = lineCount + lines(item.slice(0, at)) + 1;
      column = at - item.lastIndexOf('\n', at) + 1;
    }
    parts.push(item);
    size += item.length;
    lineCount += lines(item);
  }
  return { text: parts.join(''), line, column };
}

function pathItem(i: number, planted: number | undefined): string {
  const extra = planted === undefined ? '' : `        '${planted}':\n          description: Client closed the request\n`;
  return `  /resources${i}/{id}:
    get:
      operationId: getResource${i}
      summary: Returns resource ${i}
      description: Returns one resource of kind ${i}, with its attributes and links to related resources.
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
        - name: If-None-Match
          in: header
          schema:
            type: string
      responses:
        '200':
          description: The resource
          headers:
            ETag:
              schema:
                type: string
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Resource${i}'
              example:
                id: r-${i}
                name: Resource number ${i}
                tags: [alpha, beta, gamma]
        '304':
          description: Not modified
        '404':
          description: Not found
${extra}    delete:
      operationId: deleteResource${i}
      responses:
        '204':
          description: Deleted
        '409':
          description: Conflict
`;
}
