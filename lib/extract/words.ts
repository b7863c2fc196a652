/** Word lists the claim scanner reads its cues from. Lower-case; written by hand for this project. */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** A number near one of these is a gain of the paper's method. */
export const GAIN_CUES = set(`
  improve improves improved improving improvement improvements gain gains gained boost boosts boosted boosting
  increase increases increased increasing outperform outperforms outperformed outperforming surpass surpasses
  surpassed surpassing exceed exceeds exceeded exceeding beat beats beating raise raises raised raising enhance
  enhances enhanced enhancing lift lifts lifting higher better more uplift jump jumps advance advances advancing
  gaining margin margins`);

/** … a reduction (of cost, error, memory, tokens). */
export const REDUCTION_CUES = set(`
  reduce reduces reduced reducing reduction reductions decrease decreases decreased decreasing cut cuts cutting
  lower lowers lowered lowering save saves saved saving savings fewer less smaller shrink shrinks shrinking
  compress compresses compression eliminate eliminates eliminating mitigate mitigates mitigating cheaper drop drops
  minimizes minimizing`);

/** … a speed-up. */
export const SPEED_CUES = set(`
  faster speedup speedups speed-up speed-ups speeds accelerate accelerates accelerated accelerating acceleration
  quicker`);

/** Verbs of reporting a result: "X achieves 85%", "reaching 60.2 on MMLU". */
export const RESULT_VERBS = set(`
  achieve achieves achieved achieving attain attains attained attaining reach reaches reached reaching obtain
  obtains obtained obtaining showing yield yields yielded yielding deliver delivers delivered delivering score scores scored
  scoring record records recorded set sets establish establishes established demonstrate demonstrates
  demonstrated show shows showed shown report reports reported get gets got exhibit exhibits exhibited
  ${[...GAIN_CUES].join(' ')} ${[...REDUCTION_CUES].join(' ')} ${[...SPEED_CUES].join(' ')}`);

/** Verbs after which an integer counts outcomes: "discovers 12 new vulnerabilities". */
export const COUNT_VERBS = set(`
  solve solves solved solving discover discovers discovered discovering find finds found finding identify
  identifies identified identifying detect detects detected detecting uncover uncovers uncovered uncovering resolve
  resolves resolved resolving fix fixes fixed fixing prove proves proved proving win wins won winning reproduce
  reproduces reproduced`);

/** The word before a number that makes it a reference, not a result: "Section 3", "Table 2". */
export const REFERENCE_WORDS = set(`
  section sections sec sect chapter appendix table tables figure figures fig figs eq eqs equation equations theorem
  lemma corollary proposition definition algorithm step stage phase part version v release no vol volume issue
  page pages pp lett rev phys ref refs arxiv level layer layers round rounds epoch epochs iteration iterations
  day week month year years grade class type tier`);

/** Settings, not results: "a learning rate of 0.001", "temperature 0.7", "dropout of 10%". */
export const SETTING_WORDS = set(`
  learning sampling size batch temperature dropout threshold thresholds lambda alpha beta gamma epsilon eta tau sigma mu k n m
  top-k top-p top_p top_k seed seeds masking mask masked noise horizon window stride ratio budget probability
  quantile quantiles percentile percentiles significance level margin weight decay momentum warmup rank width depth
  length lengths context resolution sparsity pruning subsample subsampling`);

/** A percentage of one of these, after "using only" and the like, is a data fraction: "10% of the training data". */
export const DATA_NOUNS = set(`
  data dataset datasets training labels labeled labelled samples examples parameters weights tokens annotations
  demonstrations images instances corpus compute vocabulary neurons heads layers experts pixels frames patches`);

/** Nouns after a bare integer that make it a count of inputs or of setup, never a result. */
export const SETUP_COUNT_NOUNS = set(`
  tasks task benchmarks benchmark datasets dataset languages domains models llms agents environments games
  categories classes samples examples images videos questions problems papers documents pairs instances participants
  patients subjects users annotators tokens words sentences steps epochs layers heads gpus parameters params
  experts trials runs seeds shots rounds turns hours days years months weeks times`);

/** Units as written → the unit a claim carries. */
export const UNIT_WORDS: Record<string, string> = {
  percent: '%',
  'per-cent': '%',
  pp: 'pp',
  'p.p': 'pp',
  points: 'points',
  point: 'points',
  pts: 'points',
  ms: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  second: 's',
  seconds: 's',
  min: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hour: 'h',
  hours: 'h',
  day: 'days',
  days: 'days',
  gb: 'GB',
  mb: 'MB',
  tb: 'TB',
  fps: 'fps',
  db: 'dB',
  cm: 'cm',
  mm: 'mm',
  km: 'km',
  degrees: '°',
  degree: '°',
  '°': '°',
  gflops: 'GFLOPs',
  tflops: 'TFLOPs',
  w: 'W',
  mw: 'mW',
  kwh: 'kWh',
  hz: 'Hz',
  mhz: 'MHz',
  ghz: 'GHz',
};

/** Units that are only a result when a cue or metric says so ("trained for 10 hours" is not). */
export const SETUP_PRONE_UNITS = new Set(['m', 'ms', 's', 'min', 'h', 'days', 'GB', 'MB', 'TB', 'fps', 'dB', 'points', 'cm', 'mm', 'km', '°', 'GFLOPs', 'TFLOPs', 'W', 'mW', 'kWh', 'Hz', 'MHz', 'GHz']);

/** Attached to a numeral, these make it a size ("7B", "10K", "2T"), not a result. */
export const MAGNITUDE_SUFFIXES = new Set(['b', 'm', 'k', 't', 'bn', 'mn']);
export const MAGNITUDE_WORDS = set('billion million thousand trillion b m k bn');

/** Words after which "than" names no baseline ("more than half", "rather than"); "higher than X" does name one. */
export const NOT_COMPARATOR_START = set('more less fewer rather other');

/** Where a comparator's noun phrase ends. */
export const COMPARATOR_STOP = set(`
  by on in across at while when with using which that for from to under achieving reaching respectively as among
  via through where whereas despite although though but even especially and or is are was were has have its their during without`);

/** "over X" and "against X" name a baseline only when X reads like one. */
export const BASELINE_NOUNS = set(`
  baseline baselines method methods model models approach approaches agent agents policy policies system systems
  counterpart counterparts prompting decoding training fine-tuning finetuning algorithm algorithms technique
  techniques sota state-of-the-art alternatives alternative competitors prior existing previous vanilla standard
  base backbone original teacher sft rl dpo ppo grpo rlhf`);

/** Words that open a sentence about prior work, not the paper's own result. */
export const BACKGROUND_OPENERS = set('however although while existing prior previous current recent traditional conventional despite many most');

/** Generic words that are never the name of the paper's method. */
export const NOT_A_NAME = set(`
  we our this these the it its a an in on to for of and or llm llms lm lms vlm vlms mllm mllms ai rl rlhf nlp api gpu
  sota moe kv cot rag qa sft dpo ppo grpo ml dl gpt`);
