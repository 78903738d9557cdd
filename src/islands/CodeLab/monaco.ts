/**
 * Monaco, self-hosted and trimmed: the editor core, the contributions an editor needs (find,
 * suggest, hover, folding …), TypeScript highlighting and the TypeScript language service in its own
 * worker. Loaded only when a reader opens a lab; everything comes from this site's origin.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/editor/contrib/anchorSelect/browser/anchorSelect.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/caretOperations/browser/transpose.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/editor/contrib/codelens/browser/codelensController.js';
import 'monaco-editor/editor/contrib/colorPicker/browser/colorPickerContribution.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/editor/contrib/dnd/browser/dnd.js';
import 'monaco-editor/editor/contrib/documentSymbols/browser/documentSymbols.js';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/dropIntoEditorContribution.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/editor/contrib/floatingMenu/browser/floatingMenu.contribution.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/fontZoom/browser/fontZoom.js';
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js';
import 'monaco-editor/editor/contrib/gpu/browser/gpuActions.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/editor/contrib/inlayHints/browser/inlayHintsContribution.js';
import 'monaco-editor/editor/contrib/inlineCompletions/browser/inlineCompletions.contribution.js';
import 'monaco-editor/editor/contrib/inlineProgress/browser/inlineProgress.js';
import 'monaco-editor/editor/contrib/inPlaceReplace/browser/inPlaceReplace.js';
import 'monaco-editor/editor/contrib/insertFinalNewLine/browser/insertFinalNewLine.js';
import 'monaco-editor/editor/standalone/browser/inspectTokens/inspectTokens.js';
import 'monaco-editor/editor/standalone/browser/iPadShowKeyboard/iPadShowKeyboard.js';
import 'monaco-editor/editor/contrib/lineSelection/browser/lineSelection.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/linkedEditing/browser/linkedEditing.js';
import 'monaco-editor/editor/contrib/links/browser/links.js';
import 'monaco-editor/editor/contrib/longLinesHelper/browser/longLinesHelper.js';
import 'monaco-editor/editor/contrib/middleScroll/browser/middleScroll.contribution.js';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints.js';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess.js';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess.js';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution.js';
import 'monaco-editor/editor/standalone/browser/referenceSearch/standaloneReferenceSearch.js';
import 'monaco-editor/editor/contrib/rename/browser/rename.js';
import 'monaco-editor/editor/contrib/sectionHeaders/browser/sectionHeaders.js';
import 'monaco-editor/editor/contrib/semanticTokens/browser/viewportSemanticTokens.js';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/editor/contrib/stickyScroll/browser/stickyScrollContribution.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestInlineCompletions.js';
import 'monaco-editor/editor/standalone/browser/toggleHighContrast/toggleHighContrast.js';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/editor/contrib/unicodeHighlighter/browser/unicodeHighlighter.js';
import 'monaco-editor/editor/contrib/unusualLineTerminators/browser/unusualLineTerminators.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/wordPartOperations/browser/wordPartOperations.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations.js';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import * as typescript from 'monaco-editor/languages/features/typescript/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';
import handlerApi from '../../sim/consumers/handler-api.d.ts?raw';
import { handlerApiFor } from './handler-types';

// Each broker's message type for the editor, found by path (a new broker's comes with its folder).
const brokerApis = import.meta.glob<string>('../../sim/protocols/*/*.handler-api.d.ts', { eager: true, query: '?raw', import: 'default' });
import stylesheet from 'monaco-editor-css?url';

// Monaco's styles, from this site, once (see astro.config.mjs for why by URL).
if (!document.querySelector('link[data-monaco]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  link.dataset.monaco = '';
  document.head.append(link);
}

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
};

typescript.typescriptDefaults.setCompilerOptions({
  target: typescript.ScriptTarget.ES2020,
  module: typescript.ModuleKind.ESNext,
  strict: true,
  noEmit: true,
  lib: ['es2020'],
});

let libFor: string | null = null;
/** Points the editor's types at this lab's broker (one set of types per page at a time). */
function selectLib(protocol: string) {
  if (libFor === protocol) return;
  libFor = protocol;
  const brokerApi = brokerApis[`../../sim/protocols/${protocol}/${protocol}.handler-api.d.ts`] ?? '';
  typescript.typescriptDefaults.setExtraLibs([{ content: handlerApiFor(handlerApi, brokerApi), filePath: 'file:///handler-api.d.ts' }]);
}

/** A problem to mark in the editor (1-based line and column). */
export interface Marker {
  message: string;
  line: number;
  column: number;
}

/** The editor a lab uses: text in, changes out, markers for sandbox errors, theme following the page. */
export interface LabEditor {
  getValue(): string;
  setValue(value: string): void;
  setMarkers(markers: Marker[]): void;
  /** TypeScript diagnostics (errors only) currently shown. */
  diagnostics(): Marker[];
  setTheme(dark: boolean): void;
  focus(): void;
  dispose(): void;
}

let models = 0;

/** Creates the editor in `container`. */
export function createLabEditor(
  container: HTMLElement,
  options: { value: string; dark: boolean; label: string; protocol: string; onChange: (value: string) => void },
): LabEditor {
  selectLib(options.protocol);
  const model = monaco.editor.createModel(options.value, 'typescript', monaco.Uri.parse(`file:///lab-${++models}.ts`));
  const editor = monaco.editor.create(container, {
    model,
    theme: options.dark ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    ariaLabel: options.label,
    accessibilitySupport: 'auto',
  });
  model.onDidChangeContent(() => options.onChange(model.getValue()));
  // Another lab on the page may be on another broker: its types follow the editor in use.
  editor.onDidFocusEditorText(() => selectLib(options.protocol));
  return {
    getValue: () => model.getValue(),
    setValue: (value) => model.setValue(value),
    setMarkers: (markers) =>
      monaco.editor.setModelMarkers(
        model,
        'sandbox',
        markers.map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.line,
          endColumn: m.column + 1,
        })),
      ),
    diagnostics: () =>
      monaco.editor
        .getModelMarkers({ resource: model.uri })
        .filter((m) => m.severity === monaco.MarkerSeverity.Error)
        .map((m) => ({ message: m.message, line: m.startLineNumber, column: m.startColumn })),
    setTheme: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
    focus: () => editor.focus(),
    dispose: () => {
      editor.dispose();
      model.dispose();
    },
  };
}
