import { createHash } from 'node:crypto';
import ts from 'typescript';

/**
 * One fingerprint per registry entry (`cart/addToCart`, `data source commercetools/cart`, `dynamic page handler`):
 * a hash of the entry's own code and of every top-level statement of the sources it reaches. Two builds whose
 * fingerprints of an entry are equal run the same code for it.
 */
export type Fingerprints = Readonly<Record<string, string>>;

/** The registry's keys, as the platform names them. */
const ACTIONS = 'actions';
const DATA_SOURCES = 'data-sources';
const PAGE_HANDLER = 'dynamic-page-handler';

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}

/** The value a declaration gives its name, when it is an expression we can follow. */
function valueOfDeclaration(declaration: ts.Declaration): ts.Expression | undefined {
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer !== undefined) return declaration.initializer;
  if (ts.isExportAssignment(declaration)) return declaration.expression;
  return undefined;
}

/**
 * Why each registry entry's code is known: every wrapper (`defineAction`, `withSession`) returns a closure whose
 * own source is the same for every action, so comparing the functions of two loaded bundles tells nothing. The
 * type checker knows what each entry's code refers to: its fingerprint covers exactly what it can run.
 */
export function registryFingerprints(program: ts.Program, entryFile: string): Fingerprints | undefined {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  if (source === undefined) return undefined;

  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const symbol = ts.isShorthandPropertyAssignment(node) ? checker.getShorthandAssignmentValueSymbol(node) : checker.getSymbolAtLocation(node);
    return symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };
  /** The object literal an expression stands for: written there, or behind a name (imported or not). */
  const objectOf = (expression: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined => {
    if (expression === undefined || depth > 8) return undefined;
    const value = unwrap(expression);
    if (ts.isObjectLiteralExpression(value)) return value;
    if (!ts.isIdentifier(value) && !ts.isPropertyAccessExpression(value)) return undefined;
    const declaration = symbolOf(value)?.valueDeclaration;
    return declaration === undefined ? undefined : objectOf(valueOfDeclaration(declaration), depth + 1);
  };
  /** Name → the node holding its value, spreads followed. */
  const propertiesOf = (object: ts.ObjectLiteralExpression, into = new Map<string, ts.Node>()): Map<string, ts.Node> => {
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = objectOf(property.expression);
        if (spread !== undefined) propertiesOf(spread, into);
        continue;
      }
      const name = property.name !== undefined && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) || ts.isNumericLiteral(property.name)) ? property.name.text : undefined;
      if (name === undefined) continue;
      into.set(name, ts.isPropertyAssignment(property) ? property.initializer : property);
    }
    return into;
  };
  const asExpression = (node: ts.Node | undefined): ts.Expression | undefined => (node !== undefined && ts.isShorthandPropertyAssignment(node) ? node.name : (node as ts.Expression | undefined));

  const exported = source.statements.find((statement): statement is ts.ExportAssignment => ts.isExportAssignment(statement) && statement.isExportEquals !== true);
  const registry = objectOf(exported?.expression);
  if (registry === undefined) return undefined;
  const top = propertiesOf(registry);
  const entries = new Map<string, ts.Node>();
  const actions = objectOf(asExpression(top.get(ACTIONS)));
  for (const [namespace, group] of actions === undefined ? [] : propertiesOf(actions)) {
    const handlers = objectOf(asExpression(group));
    for (const [name, handler] of handlers === undefined ? [] : propertiesOf(handlers)) entries.set(`${namespace}/${name}`, handler);
  }
  const dataSources = objectOf(asExpression(top.get(DATA_SOURCES)));
  for (const [type, handler] of dataSources === undefined ? [] : propertiesOf(dataSources)) entries.set(`data source ${type}`, handler);
  const pageHandler = top.get(PAGE_HANDLER);
  if (pageHandler !== undefined) entries.set('dynamic page handler', pageHandler);

  const reach = new Reach(program, symbolOf, [...entries.values()]);
  return Object.fromEntries([...entries].map(([name, node]) => [name, reach.fingerprint(node)]));
}

/** What each piece of code refers to, followed through the sources (never into declaration files or node_modules). */
class Reach {
  readonly #units = new Map<ts.Node, readonly ts.Node[]>();
  /** Top-level statements holding registry entries: an entry there is a unit of its own, not the whole statement. */
  readonly #registryStatements: Set<ts.Node>;

  constructor(
    private readonly program: ts.Program,
    private readonly symbolOf: (node: ts.Node) => ts.Symbol | undefined,
    entries: readonly ts.Node[],
  ) {
    this.#registryStatements = new Set(entries.map((entry) => this.#topLevelStatement(entry)));
  }

  fingerprint(entry: ts.Node): string {
    const seen = new Set<ts.Node>([entry]);
    const queue: ts.Node[] = [entry];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const unit of this.#referencedUnits(next)) {
        if (seen.has(unit)) continue;
        seen.add(unit);
        queue.push(unit);
      }
    }
    const texts = [...seen].map((unit) => `${unit.getSourceFile().fileName}\n${unit.getText()}`).sort();
    return createHash('sha256').update(texts.join('\0')).digest('base64url');
  }

  #topLevelStatement(node: ts.Node): ts.Node {
    let current = node;
    while (current.parent !== undefined && !ts.isSourceFile(current.parent)) current = current.parent;
    return current;
  }

  /** The unit a declaration belongs to: its top-level statement, or itself inside a registry statement. */
  #unitOf(declaration: ts.Declaration): ts.Node | undefined {
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || this.program.isSourceFileFromExternalLibrary(file) || ts.isSourceFile(declaration)) return undefined;
    // Types leave nothing in the bundle.
    if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration) || ts.isTypeParameterDeclaration(declaration)) return undefined;
    const statement = this.#topLevelStatement(declaration);
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return undefined;
    return this.#registryStatements.has(statement) ? declaration : statement;
  }

  #referencedUnits(node: ts.Node): readonly ts.Node[] {
    const known = this.#units.get(node);
    if (known !== undefined) return known;
    const units = new Set<ts.Node>();
    const visit = (child: ts.Node): void => {
      if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child) || ts.isShorthandPropertyAssignment(child)) {
        for (const declaration of this.symbolOf(child)?.declarations ?? []) {
          // Declared inside this piece of code: already part of its text.
          if (declaration.getSourceFile() === node.getSourceFile() && declaration.pos >= node.pos && declaration.end <= node.end) continue;
          const unit = this.#unitOf(declaration);
          if (unit !== undefined) units.add(unit);
        }
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
    const list = [...units];
    this.#units.set(node, list);
    return list;
  }
}
