/**
 * Machine-readable rules: typed from ```rule blocks, dated by the versions and clauses they sit
 * in, checked, compared between versions, evaluated against facts, and derived from the text.
 */
export { corpusRules, rulesOf, SCOPE_FACTS, type RuleSet } from './compile.js';
export { diffRules, fieldChanges, type FieldChange, type RuleChange, type RuleDiff } from './diff.js';
export { deriveFromText, obligationsIn, type ClauseRef, type Derived, type Modal, type Modality } from './extract.js';
export { factsJsonSchema, validateFacts, type FactProblem } from './facts.js';
export { clauseHistory, type ClauseChangeKind, type ClauseHistory, type HistoryEntry } from './history.js';
export { answerOf, canonicalJson, evaluate, factsOf, formatLogic, guardedTest, trace, UNDETERMINED, type TraceNode } from './logic.js';
export { matchClauses } from './match.js';
export { evaluateRules, knownDocuments, QueryError, selectRules, type RuleResult, type RuleSelection } from './query.js';
export { RULE_ID } from './parse.js';
export { reportRuleProblems, reportVersionRuleProblems } from './report.js';
export { RULE_FIELDS, RULE_KINDS, type JsonLogic, type Rule, type RuleKind, type RuleProblem } from './types.js';
