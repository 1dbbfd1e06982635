/** Registers corpus authoring: completion and document links (hover and definition route through their handlers). */
import { guard, addFeature } from './languageServer';
import { onCompletion, onDocumentLinks } from './authoringHandlers';

addFeature({
  register(ctx, _params, result) {
    // ':' and ' ' start value completion after `guideline_id:`; names complete as the user types.
    result.capabilities.completionProvider = { triggerCharacters: [':', ' '], resolveProvider: false };
    result.capabilities.documentLinkProvider = { resolveProvider: false };
    ctx.connection.onCompletion(guard(ctx, 'completion', null, (p) => onCompletion(ctx, p)));
    ctx.connection.onDocumentLinks(guard(ctx, 'documentLink', [], (p) => onDocumentLinks(ctx, p)));
  },
});
