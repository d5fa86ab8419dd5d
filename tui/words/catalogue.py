"""Every sentence a user can see, in English and Simplified Chinese, in one place.

Each key holds the English and the Chinese; `say.say()` fills them in. The core never
words anything: it raises a Refusal carrying one of these keys. Chinese follows a Chinese
textbook: 误差 (error), 权重 (weight), 学习率 (learning rate, alpha's role), 梯度 (the
slope of the error curve), 差值 (the miss, delta), 收敛 and 发散, full-width punctuation
in prose and × for multiplication. A plain dict, not gettext: gettext needs compiled
catalogues, and a test can read this one directly (every key has both languages, with
the same values to fill in).

`{name}` fills a value in; `{name!r}` quotes outside text; `{name!d}` describes a value
from a lesson file by its kind; `{name!t}` names a quantity in the reader's words; `[[ ... ]]` is left out when a value in it is None.
"""

KINDS = ((bool, "bool"), (str, "text"), ((int, float), "number"), (list, "list"), (dict, "table"))

WORDS: dict[str, tuple[str, str]] = {
    # -- joining words -------------------------------------------------------------------
    "sep.colon": (": ", "："),
    "sep.list": (", ", "、"),
    "sign.times": (" x ", " × "),
    # -- what a value from a file is --------------------------------------------------------
    "kind.bool": ("true/false", "布尔值"),
    "kind.text": ("text", "文字"),
    "kind.number": ("a number", "数"),
    "kind.list": ("a list", "列表"),
    "kind.table": ("a table", "表"),
    "kind.value": ("a value", "值"),
    # -- numbers typed in ---------------------------------------------------------------
    "number.empty": ("is empty: type a number such as 0.5", "不能为空，请输入一个数，例如 0.5"),
    "number.not_a_number": ("{text!r} is not a number", "{text!r} 不是数"),
    "number.nan": ("{text!r} is not a number (nan)", "{text!r} 不是数（nan）"),
    "number.infinite": ("{text!r} is infinite: type a finite number", "{text!r} 是无穷大，请输入一个有限的数"),
    "number.overflows": ("{text!r} is too large for a float (it overflows to infinity)",
                         "{text!r} 太大，浮点数放不下（会溢出成无穷大）"),
    "numbers.empty": ("is empty: type a number such as 0.5, or several as 0.1,0.2",
                      "不能为空，请输入一个数（如 0.5），或用逗号隔开的几个数（如 0.1,0.2）"),
    "numbers.in_list": ("value {position} {reason}", "第 {position} 个值：{reason}"),
    # -- a problem no rule can learn from -------------------------------------------------
    "problem.not_a_rule": ("{text!r} is not a rule: use gd (gradient descent), hot-cold (hot and cold) "
                           "or measure (measure only)",
                           "{text!r} 不是可用的规则，请用 gd（梯度下降）、hot-cold（冷热法）或 measure（只测量）"),
    "problem.expected_list": ("expected a list of numbers, got {value!d}", "应该是一组数，实际是{value!d}"),
    "problem.no_numbers": ("needs at least one number", "至少需要一个数"),
    "problem.one_input_per_weight": ("each weight needs exactly one input (weights: {weights}, inputs: {inputs})",
                                     "每个权重恰好需要一个输入（权重 {weights} 个，输入 {inputs} 个）"),
    "problem.expected_number": ("expected a number, got {value!d}", "应该是一个数，实际是{value!d}"),
    "problem.not_finite": ("must be a finite number (got {value})", "必须是有限的数（现在是 {value}）"),
    "problem.not_positive": ("must be greater than 0 (got {value})", "必须大于 0（现在是 {value}）"),
    "problem.hot_cold_one_weight": ("hot and cold moves one weight at a time; this problem has {size} weights: "
                                    "use gradient descent (gd)",
                                    "冷热法一次只能调一个权重，而这个问题有 {size} 个权重，请改用梯度下降（gd）"),
    "problem.start_overflows": ("the error at the start is already too large for a float: choose smaller numbers",
                                "起点的误差就已经大到浮点数放不下了，请换小一些的数"),
    # -- the rate keys ----------------------------------------------------------------------
    "rate.measure_only": ("this lesson only measures: nothing moves, so there is no step to change",
                          "这一课只测量、不学习，权重不会动，所以没有步长可调"),
    "rate.largest": ("{quantity!t} is already at its largest ({value})", "{quantity!t} 已经调到最大了（{value}）"),
    "rate.smallest": ("{quantity!t} is already at its smallest ({value})", "{quantity!t} 已经调到最小了（{value}）"),
    # -- lesson files -----------------------------------------------------------------------
    "lesson.unknown": ("unknown lesson {name!r}: [[did you mean {close!r}? ]]choose from {choices}",
                       "没有叫 {name!r} 的课：[[你是想要 {close!r} 吗？]]可选的有 {choices}"),
    "lesson.not_toml": ("not valid TOML[[ (line {line}, column {column})]]", "不是有效的 TOML[[（第 {line} 行第 {column} 列）]]"),
    "lesson.unknown_field": ("unknown field[[ (did you mean {close!r}?)]]; known fields: {known}",
                             "未知字段[[（你是想要 {close!r} 吗？）]]；可用的字段有 {known}"),
    "lesson.missing": ("missing", "缺少这一项"),
    "lesson.expected_number": ("expected a number, got {value!d}", "应该是一个数，实际是{value!d}"),
    "lesson.expected_number_at": ("value {position}: expected a number, got {value!d}",
                                  "第 {position} 个值应该是一个数，实际是{value!d}"),
    "lesson.empty_list": ("the list is empty: give at least one number", "列表是空的，至少要有一个数"),
    "lesson.expected_text": ("expected some text, got {value!d}", "应该是文字，实际是{value!d}"),
    "lesson.expected_count": ("expected a whole number of at least 1, got {value!d}",
                              "应该是不小于 1 的整数，实际是{value!d}"),
    "lesson.expected_table": ("expected a table [{table}], got {value!d}", "应该是表 [{table}]，实际是{value!d}"),
    # -- files ------------------------------------------------------------------------------
    "file.missing": ("no such file", "没有这个文件"),
    "file.is_folder": ("is a folder, not a lesson file", "是文件夹，不是课程文件"),
    "file.not_utf8": ("not a text file (it is not UTF-8)", "不是文本文件（不是 UTF-8 编码）"),
    "file.unreadable": ("cannot be read ({reason})", "无法读取（{reason}）"),
    # -- saves ------------------------------------------------------------------------------
    "save.unknown_format": ("unknown save format {value!r}", "未知的存档格式 {value!r}"),
    "save.log_mismatch": ("its log does not match a replay of its lesson", "存档里的记录与按课程重新计算的结果不一致"),
    "save.view_not_table": ("its view settings are not a table", "存档里的显示设置不是表"),
    "save.wrong_kind": ("a field is missing or of the wrong kind ({detail})", "缺少某一项，或某一项的类型不对（{detail}）"),
    "save.invalid_value": ("it holds an invalid value ({reason})", "其中有无效的值（{reason}）"),
    "save.bad_iteration": ("iteration {value!r} is not a count of steps", "迭代次数 {value!r} 不是有效的步数"),
    "save.diverges_early": ("its run diverges before iteration {iteration}", "按存档重新计算，在第 {iteration} 次迭代之前就已经发散"),
    "save.not_json": ("it is not valid JSON ({detail})", "不是有效的 JSON（{detail}）"),
    "save.not_table": ("it is not a table", "不是表"),
    # -- the command line -------------------------------------------------------------------
    "usage.no_problem": ("give --lesson NAME, --lesson-file FILE, or all of --weight, --input and --goal "
                         "(missing {missing})",
                         "请给出 --lesson 课名、--lesson-file 文件，或者 --weight、--input、--goal 三项都给"
                         "（缺少 {missing}）"),
    "usage.resume_alone": ("--resume continues the saved session: give it no lesson or problem flags",
                           "--resume 会接着上次保存的进度，不能再同时给出课程或问题的参数"),
    "count.not_whole": ("{text!r} is not a whole number", "{text!r} 不是整数"),
    "count.negative": ("{value} is negative: give 0 or more", "{value} 是负数，请给 0 或更大的数"),
    "session.bad_name": ("a session name is 1 to {length} letters, digits, - or _, not {text!r}",
                         "会话名应为 1 到 {length} 个字母、数字、- 或 _，而不是 {text!r}"),
    "command.error": ("{prog}: {message}", "{prog}：{message}"),
    "command.see_help": ("{prog}: {message} (see {prog} --help)", "{prog}：{message}（参见 {prog} --help）"),
    "command.crashed": ("something went wrong; the details are in {path}", "程序出错了，详细信息已写入 {path}"),
    "command.saved": ("your session is saved; {command} continues it.", "进度已保存，用 {command} 可以接着学。"),
    "command.not_saved": ("the session could not be saved: {reason}", "无法保存进度：{reason}"),
    "command.no_save": ("No saved session[[ named {name}]]: starting the course.",
                        "没有找到[[名为 {name} 的]]已保存进度，从第一课开始。"),
    "command.corrupt_save": ("The saved session was unreadable; kept as {name} in {folder} ({reason}).",
                             "保存的进度无法读取，已改名为 {name} 留在 {folder}（{reason}）。"),
    "app.usage": ("gradstep [--lesson NAME | --lesson-file FILE | --weight W --input X --goal Y] [options]\n"
                  "       gradstep lessons          (the course, a line a lesson)\n"
                  "       gradstep run ...          (the iteration log without the full screen; run --help)",
                  "gradstep [--lesson 课名 | --lesson-file 文件 | --weight W --input X --goal Y] [选项]\n"
                  "       gradstep lessons          （课程列表，每课一行）\n"
                  "       gradstep run ...          （不开全屏，只打印迭代记录；见 run --help）"),
    "app.description": ("Step a neuron through gradient descent, one keypress at a time. In the app, ? lists every key.",
                        "一次按一个键，看一个神经元怎样用梯度下降学习。在程序里按 ? 可以看到所有按键。"),
    "run.description": ("Print a lesson's iteration log without the full-screen app.", "不开全屏，直接打印一课的迭代记录。"),
    "lessons.description": ("List the course's lessons.", "列出课程里的每一课。"),
    "flag.lesson": ("a lesson of the course (see: gradstep lessons)", "课程中的一课（见 gradstep lessons）"),
    "flag.lesson_file": ("a teacher's lesson file (TOML)", "老师写的课程文件（TOML）"),
    "flag.weight": ("starting weight(s), e.g. 0.5 or 0.1,0.2", "起始权重，例如 0.5 或 0.1,0.2"),
    "flag.input": ("input(s), one per weight", "输入，每个权重一个"),
    "flag.goal": ("what the neuron should predict", "目标：神经元应该预测出的值"),
    "flag.method": ("gd: gradient descent; hot-cold: hot and cold; measure: predict only",
                    "gd：梯度下降；hot-cold：冷热法；measure：只预测、不学习"),
    "flag.alpha": ("learning rate for gd (default 1)", "梯度下降的学习率（默认 1）"),
    "flag.step_amount": ("hot-cold's step (default 0.1)", "冷热法的步长（默认 0.1）"),
    "flag.lang": ("en or zh (default: from LC_ALL/LANG)", "en 或 zh（默认按 LC_ALL/LANG）"),
    "flag.resume": ("continue the session saved when gradstep last ended", "接着 gradstep 上次结束时保存的进度"),
    "flag.session": ("save (and --resume) under NAME: for students sharing one login",
                     "按这个名字保存进度（--resume 时也用它），供共用一个账号的学生使用"),
    "flag.ascii": ("draw with ASCII characters only", "只用 ASCII 字符绘图"),
    "flag.line": ("plain lines instead of the full screen", "纯文字模式，不用全屏"),
    "flag.low_bandwidth": ("16 colours, plain chart: for very slow links", "16 色、简单图表：适合很慢的网络"),
    "flag.mouse": ("let the mouse click keys and scroll", "允许用鼠标点按键和滚动"),
    "flag.steps": ("iterations to log (default: the lesson's tutorial count, else {default})",
                   "要打印的迭代次数（默认：课程设定的教程步数，没有设定时为 {default}）"),
    "flag.format": ("default: text", "默认：text"),
    # -- gradstep run and lessons -----------------------------------------------------------
    "run.final": ("final error {error} at iteration {iteration}", "第 {iteration} 次迭代的误差为 {error}"),
    "run.no_iterations": ("no iterations", "没有迭代"),
    "run.summary": ("{ending}; {regime}", "{ending}；{regime}"),
    "run.r": ("{line}; r = {r}", "{line}；r = {r}"),
    "run.cost": ("{line}; {made} predictions ({per} a step)", "{line}；共 {made} 次预测（每步 {per} 次）"),
    "lessons.untranslated": ("(no {language})", "（缺{language}译文）"),
    "language.en": ("English", "英文"),
    "language.zh": ("Chinese", "中文"),
    # -- divergence -------------------------------------------------------------------------
    "divergence.overflowed": ("diverged at iteration {iteration}: the {quantity} overflowed",
                              "第 {iteration} 次迭代发散：{quantity}大到超出了浮点数能表示的范围"),
    "divergence.grew": ("diverged at iteration {iteration}: the error {what}", "第 {iteration} 次迭代发散：误差{what}"),
    # -- names of quantities ----------------------------------------------------------------
    "prediction": ("prediction", "预测"),
    "error": ("error", "误差"),
    "weight": ("weight", "权重"),
    "weights": ("weights", "权重"),
    "input": ("input", "输入"),
    "inputs": ("inputs", "输入"),
    "goal": ("goal", "目标"),
    "rule": ("rule", "规则"),
    "method": ("rule", "规则"),
    "alpha": ("alpha", "alpha"),
    "step_amount": ("step", "步长"),
    "delta": ("delta", "delta（差值）"),
    "weight_delta": ("weight_delta", "weight_delta"),
    "up_error": ("up error", "向上试探的误差"),
    "down_error": ("down error", "向下试探的误差"),
    "iteration": ("iteration", "迭代"),
    "gd": ("gradient descent", "梯度下降"),
    "hot-cold": ("hot and cold", "冷热法"),
    "measure": ("measure only", "只测量"),
    # -- panel titles -----------------------------------------------------------------------
    "parameters": ("Parameters", "参数"),
    "chart.weight": ("Error vs weight", "误差-权重"),
    "chart.iteration": ("Error vs iteration", "误差-迭代"),
    "chart.log": (" (log10)", "（对数坐标）"),
    "log": ("Iteration log", "迭代记录"),
    "explain": ("This step, worked out", "这一步的计算"),
    "lesson": ("Lesson", "课程"),
    "steps_taken": ("{steps} steps taken", "已走 {steps} 步"),
    "step_taken": ("1 step taken", "已走 1 步"),
    # -- convergence readout (each line fits the parameters panel: 38 cells) ---------------
    "regime.smooth": ("0 < r < 1: converges, same side", "0 < r < 1：收敛，不越过目标"),
    "regime.one-step": ("r = 0: lands in one step", "r = 0：一步到位"),
    "regime.overshooting": ("-1 < r < 0: converges, zig-zagging", "-1 < r < 0：来回越过目标，但收敛"),
    "regime.bouncing": ("r = -1: bounces forever", "r = -1：永远来回振荡"),
    "regime.diverging": ("r < -1: diverges, growing", "r < -1：发散，来回越过且越来越远"),
    "regime.no-signal": ("inputs all 0: nothing to learn", "输入全为 0：什么也学不到"),
    "regime.stuck-bouncing": ("ends bouncing around the goal", "最后在目标附近来回跳"),
    "regime.landed": ("landed: up and down tie", "停在目标上：上下误差相同"),
    "regime.measuring": ("measuring only: nothing learns", "只测量：不学习"),
    "measured": ("measuring only: the weight stays {weight}", "只测量、不学习：权重保持 {weight}"),
    "next_lesson": ("Press l for the next lesson.", "按 l 进入下一课。"),
    "lesson_done": ("The tutorial's run ends here, at iteration {steps}; step on, or press l for the next lesson.",
                    "本课的演示到第 {steps} 次迭代就结束了；可以按空格继续走，或按 l 进入下一课。"),
    "alphas": ("best alpha {best}; < {stable} converges", "最佳 alpha = {best}；小于 {stable} 才收敛"),
    "steps_to_go": ("{steps} more steps to error < {tolerance}", "再走 {steps} 步，误差就小于 {tolerance}"),
    "step_to_go": ("1 more step to error < {tolerance}", "再走 1 步，误差就小于 {tolerance}"),
    "below_tolerance": ("error is below {tolerance}", "误差已小于 {tolerance}"),
    "never": ("never reaches error < {tolerance}", "误差永远降不到 {tolerance} 以下"),
    "cost": ("{made} predictions so far ({per} a step)", "已做 {made} 次预测（每步 {per} 次）"),
    "hot_cold_to_goal": ("to the goal: {steps} x {per} = {cost} predictions", "到目标还要 {steps} × {per} = {cost} 次预测"),
    "gd_to_goal": ("gradient descent: {steps} x {per} = {cost}", "梯度下降要 {steps} × {per} = {cost} 次"),
    "at_goal_region": ("at the goal region", "已到目标附近"),
    # -- what r means, in a sentence (the lesson panel's {r_says}) ----------------------------
    "r_says.smooth": ("0 < r < 1: each step keeps part of the miss, on the same side, so the run converges.",
                      "0 < r < 1：每一步差值都缩小为原来的 r 倍，而且始终在目标的同一侧，所以会收敛。"),
    "r_says.one-step": ("r = 0: the first step lands exactly on the goal.", "r = 0：第一步就正好落在目标上。"),
    "r_says.overshooting": ("-1 < r < 0: each step overshoots to the other side, by less each time, so the run "
                            "converges, zig-zagging.",
                            "-1 < r < 0：每一步都越过目标到另一侧，但越过的距离越来越小，所以来回摆动着收敛。"),
    "r_says.bouncing": ("r = -1: each step overshoots by exactly the miss, so it bounces forever at the same error.",
                        "r = -1：每一步都越过目标，而且越过的距离正好等于原来的差值；差值只变号、不变小，所以误差不变，"
                        "永远来回振荡。"),
    "r_says.diverging": ("|r| > 1: each step overshoots by more than the miss, so the error grows {r_squared}-fold "
                         "a step and explodes.",
                         "|r| > 1：每一步都越过目标，而且越过的距离比原来的差值还大，"
                         "误差每步变成原来的 {r_squared} 倍，越来越大，直到爆炸：这就是发散。"),
    "r_says.no-signal": ("Every input is 0: the error does not depend on the weights, so nothing can be learned.",
                         "输入全为 0：误差与权重无关，所以什么也学不到。"),
    # -- the other rule (m), from the same start ---------------------------------------------
    "switched.gd": ("Now gradient descent, from the same start: each step moves the weight by "
                    "-alpha x weight_delta, which multiplies the miss by r = {r_formula}. {r_says}",
                    "现在换成梯度下降，起点不变：每一步权重改变 -alpha × weight_delta，"
                    "差值随之乘以 r = {r_formula}。{r_says}"),
    "switched.hot-cold": ("Now hot and cold, from the same start: each step tries a step of {step} up and one "
                          "down, and keeps the better; three predictions a step. The goal weight is {bottom}, "
                          "{distance} away: {distance_steps} steps of {step}.",
                          "现在换成冷热法，起点不变：每一步把权重向上、向下各挪 {step} 试一试，移到误差更小的一边；"
                          "每步要做三次预测。目标权重是 {bottom}，离现在 {distance}，"
                          "相当于 {distance_steps} 个 {step} 的步长。"),
    "switched.measure": ("Now measuring only, from the same start: {predicts}, error {error}.",
                         "现在换成只测量，起点不变：预测 = {predicts}，误差 {error}。"),
    # -- what the run has done, said once it is on screen ----------------------------------
    "story.landed": ("Landed at iteration {iteration}: the error is 0 and stays 0.",
                     "第 {iteration} 次迭代正好落在目标上：误差为 0，之后一直是 0。"),
    "story.still": ("Since iteration {iteration} the weight no longer changes: each step is now too small for a "
                    "float to add, so the error rests at {error}, float rounding rather than a miss.",
                    "从第 {iteration} 次迭代起权重不再变化：每一步的改变量已经小到加到权重上也不起作用（浮点数的精度有限），"
                    "所以误差停在 {error}；这是浮点舍入的残留，不是真正的差值。"),
    "story.bouncing": ("Since iteration {iteration} it flips between {a} and {b}, at the same error each time.",
                       "从第 {iteration} 次迭代起，权重在 {a} 和 {b} 之间来回跳，误差始终不变。"),
    "story.ratio": ("Last step the error went {before} -> {now}: x {ratio}, which is r^2 = {r}^2.",
                    "上一步误差从 {before} 变成 {now}，是原来的 {ratio} 倍，正好是 r^2，其中 r = {r}："
                    "差值每步乘以 r，误差就乘以 r^2。"),
    "story.ratio_rounded": ("Last step the error went {before} -> {now}: x {ratio}; r^2 = {r_squared}, so float "
                            "rounding shows at these sizes.",
                            "上一步误差从 {before} 变成 {now}，是原来的 {ratio} 倍；"
                            "而 r^2 = {r_squared}，两者不等，是因为数已经小到浮点舍入开始起作用了。"),
    "story.hot_cold_landed": ("Landed on the goal at iteration {iteration}: up and down tie, so it stays.",
                              "第 {iteration} 次迭代落在目标上：向上、向下试探的误差相同，所以权重停住不动。"),
    "story.rounding": ("At iteration {iteration} it stood on the goal {goal} (error {error}, rounding only), where up "
                       "and down should tie; rounding made {winner} win by {gap}.",
                       "第 {iteration} 次迭代时，权重已经在目标权重 {goal} 上（误差 {error}，"
                       "只是舍入误差），向上和向下本应打平；是浮点舍入让{winner}以 {gap} 之差胜出。"),
    "story.hot_cold_bouncing": ("Since iteration {iteration} it bounces between {a} and {b}: a step of {step} "
                                "cannot stay on the goal {goal}.",
                                "从第 {iteration} 次迭代起，权重在 {a} 和 {b} 之间来回跳：步长固定为 {step}，"
                                "无法停留在目标权重 {goal} 上。"),
    "up": ("up", "向上"),
    "down": ("down", "向下"),
    # -- status -----------------------------------------------------------------------------
    "playing": ("playing", "播放中"),
    "diverged": ("DIVERGED", "已发散"),
    "banner": (
        "Diverged at iteration {iteration}: the {quantity} {what}, and stepping has stopped. "
        "r = {r}: each step multiplies the miss by {r}. {advice} "
        "Keys: - lower alpha, b step back, 0 reset, e edit.",
        "第 {iteration} 次迭代发散：{quantity}{what}，迭代已停止。r = {r}：每走一步，差值就乘以 {r}。"
        "{advice}按 - 调小 alpha，按 b 后退，按 0 重置，按 e 编辑。",
    ),
    "overflowed": ("overflowed", "大到超出了浮点数能表示的范围"),
    "reached": ("reached {value}, more than {growth} times its first value, {first}",
                "达到 {value}，是起始值 {first} 的 {growth} 倍以上"),
    "reached_past": ("reached {value}, past {growth}", "达到 {value}，超过了 {growth}"),
    "advice": ("alpha below {stable} converges; {best} lands in one step.",
               "alpha 小于 {stable} 就会收敛，等于 {best} 时一步到位。"),
    "first_step": ("Press space to take the first step.", "按空格键走第一步。"),
    "more": ("-- w: more ({page}/{pages}) --", "-- 按 w 看更多（{page}/{pages}）--"),
    "parameters.title": ("Parameters: {rule}", "参数：{rule}"),
    "alpha.value": ("{alpha} (learning rate)", "{alpha}（学习率）"),
    # -- worked step ------------------------------------------------------------------------
    "worked.prediction": ("#{iteration}: prediction = {terms} = {value}", "#{iteration}：预测 = {terms} = {value}"),
    "worked.error": ("error = ({prediction} - {goal})^2 = {value}", "误差 = ({prediction} - {goal})^2 = {value}"),
    "worked.delta": ("delta = {prediction} - {goal} = {value}", "delta（差值）= {prediction} - {goal} = {value}"),
    "worked.weight_delta": ("weight_delta = {delta} x {input} = {value}", "weight_delta = {delta} × {input} = {value}"),
    "worked.weight": ("weight = {weight} - {alpha} x {weight_delta} = {value}",
                      "权重 = {weight} - {alpha} × {weight_delta} = {value}"),
    "worked.weights": ("weights = {weights} - {alpha} x weight_delta = {value}",
                       "权重 = {weights} - {alpha} × weight_delta = {value}"),
    "worked.rounding": ("(the prediction is not quite {goal}: float rounding leaves an error of {error}; f shows "
                        "every digit)",
                        "（预测并不完全等于 {goal}：浮点舍入留下了 {error} 的误差；按 f 看全部位数）"),
    "worked.probes_rounding": ("(up and down differ only by float rounding, {gap}: {winner} won)",
                               "（向上和向下的误差只差 {gap}，这是浮点舍入造成的：{winner}胜出）"),
    "moved_down": ("down is hotter (less error): weight = {weight} - {step} = {after}",
                   "向下误差更小：权重 = {weight} - {step} = {after}"),
    "moved_up": ("up is hotter (less error): weight = {weight} + {step} = {after}",
                 "向上误差更小：权重 = {weight} + {step} = {after}"),
    "tied": ("up and down tie: the weight stays {weight}", "上下误差相同：权重保持 {weight}"),
    "probe_up": ("up:   {weight} + {step} = {probe} -> error {error}",
                 "向上：{weight} + {step} = {probe} -> 误差 {error}"),
    "probe_down": ("down: {weight} - {step} = {probe} -> error {error}",
                   "向下：{weight} - {step} = {probe} -> 误差 {error}"),
    # -- keys (short: the main ones must fit 80 columns) ------------------------------------
    "key.step": ("step", "单步"),
    "key.back": ("back", "后退"),
    "key.reset": ("reset", "重置"),
    "key.play": ("play", "播放"),
    "key.slower": ("slower", "慢些"),
    "key.faster": ("faster", "快些"),
    "key.alpha": ("alpha", "alpha"),
    "key.speed": ("speed", "速度"),
    "key.alpha_up": ("alpha+", "alpha+"),
    "key.alpha_down": ("alpha-", "alpha-"),
    "key.rule": ("rule", "规则"),
    "key.edit": ("edit", "编辑"),
    "key.lessons": ("lessons", "课程"),
    "key.view": ("view", "换图"),
    "key.export": ("export", "导出"),
    "key.language": ("中文", "English"),
    "key.exact": ("exact", "精确"),
    "key.page": ("more", "翻页"),
    "key.help": ("help", "帮助"),
    "key.quit": ("quit", "退出"),
    "edit_help": ("Tab: next field. Enter: apply (a new run from these numbers); with nothing changed, Enter "
                  "closes the form. Esc: cancel.",
                  "Tab：下一项。Enter：应用（用这些数值从头开始）；没有改动时按 Enter 直接关闭。Esc：取消。"),
    "lessons.hint": ("Press a lesson's number to open it; l, q or Esc goes back.",
                     "按课程编号打开那一课；按 l、q 或 Esc 返回。"),
    # -- the help screen's longer words for each key ----------------------------------------
    "help.close": ("? or q closes this help; space and b scroll it.", "按 ? 或 q 关闭帮助；空格和 b 翻页。"),
    "help.step": ("one step of the rule (n does the same)", "按规则走一步（n 也可以）"),
    "help.back": ("one step back; at the start, undo the last change", "后退一步；在起点时撤销上一次改动"),
    "help.reset": ("back to the lesson's start (b undoes it)", "回到本课起点（b 可撤销）"),
    "help.alpha_up": ("alpha (or the hot-and-cold step) up: 0.1, 0.2, 0.5, 1, ...",
                      "调大 alpha（或冷热法的步长）：0.1、0.2、0.5、1……"),
    "help.alpha_down": ("alpha (or the step) down: 1, 0.5, 0.2, 0.1, ...", "调小 alpha（或步长）：1、0.5、0.2、0.1……"),
    "help.play": ("play or pause stepping by itself; [ and ] slower and faster", "自动播放或暂停；[ 和 ] 调慢、调快"),
    "help.lessons": ("the list of lessons: press a lesson's number", "课程列表：按编号打开一课"),
    "help.help": ("this help", "打开本帮助"),
    "help.quit": ("quit; your session is saved (gradstep --resume)", "退出并保存进度（用 gradstep --resume 接着学）"),
    "help.rule": ("switch rule: gradient descent / hot and cold, same start", "切换规则：梯度下降 / 冷热法，起点相同"),
    "help.edit": ("edit the numbers; Enter applies, Esc cancels", "修改数值；Enter 应用，Esc 取消"),
    "help.language": ("English / Chinese", "切换英文 / 中文"),
    "help.view": ("chart: error vs weight / error vs iteration", "切换图：误差-权重 / 误差-迭代"),
    "help.exact": ("the log with every digit", "迭代记录显示全部位数"),
    "help.page": ("the lesson panel's next page, when it says there is more", "课程面板有更多内容时，翻到下一页"),
    "help.export": ("save the log as CSV (exact numbers); the path is shown", "把迭代记录保存为 CSV（精确数值），并显示保存位置"),
    "help.slower": ("play slower", "播放慢些"),
    "help.faster": ("play faster", "播放快些"),
    "help.weights": ("with several weights, the one the chart follows", "有多个权重时，选择图上显示哪一个权重"),
    "help.panel.parameters": ("Parameters", "参数"),
    "help.panel.parameters.text": (
        "the neuron now: weights, inputs, goal, the rule, its prediction and error; r, the factor each step "
        "multiplies the miss by, and what that means",
        "神经元此刻的权重、输入、目标、规则、预测和误差；还有 r（每走一步差值所乘的数）以及它说明了什么"),
    "help.panel.chart": ("Chart", "图"),
    "help.panel.chart.text": (
        "the error for every weight (a parabola), the weights visited (o) and the current one (@); "
        "v shows the error per iteration instead",
        "每个权重对应的误差（抛物线）、走过的权重（o）和当前位置（@）；按 v 改看误差随迭代的变化"),
    "help.panel.worked": ("Worked step", "这一步的计算"),
    "help.panel.worked.text": ("the last step's arithmetic with its numbers filled in", "刚走的那一步的算式，代入了实际数值"),
    "help.panel.log": ("Log", "迭代记录"),
    "help.panel.log.text": ("one row a step, newest at the bottom; f shows every digit, x saves it as CSV",
                            "每步一行，最新的在最下面；按 f 显示全部位数，按 x 保存为 CSV"),
    # -- the glossary, in the help ----------------------------------------------------------
    "term.error": ("error", "误差"),
    "term.error.text": ("(prediction - goal)^2, the squared miss: never negative, and 0 only on the goal.",
                        "(预测 - 目标)^2，即差值的平方：永远不为负，只有预测正好等于目标时才是 0。"),
    "term.gd": ("gradient descent", "梯度下降"),
    "term.gd.text": ("(gd on the command line) each step moves the weight against the slope of the error curve: "
                     "by -alpha x weight_delta.",
                     "每一步逆着误差曲线的斜率（斜率就是梯度）移动权重，移动 -alpha × weight_delta。"
                     "命令行里写作 gd。"),
    "term.alpha": ("alpha", "alpha"),
    "term.alpha.text": ("the learning rate: how much of weight_delta each step takes (1 when a lesson sets none).",
                        "学习率：每一步权重改变 -alpha × weight_delta，alpha 越大，"
                        "步子越大（课程没有设定时为 1）。"),
    "term.delta": ("delta", "delta"),
    "term.delta.text": ("prediction - goal: how far the prediction missed, and which way.",
                        "差值 = 预测 - 目标：预测偏了多少、偏向哪边（正数表示预测偏大，负数表示偏小）。"),
    "term.weight_delta": ("weight_delta", "weight_delta"),
    "term.weight_delta.text": ("delta x input: the slope of the error curve, 2 x input x delta, without its factor 2.",
                               "delta × 输入。误差曲线在当前权重处的斜率（梯度）是 2 × 输入 × delta，"
                               "weight_delta 就是它去掉系数 2。"),
    "term.r": ("r", "r"),
    "term.r.text": ("1 - alpha x input^2 (with several inputs, the sum of their squares): the factor each step "
                    "multiplies the miss by. |r| < 1 converges; |r| > 1 diverges.",
                    "1 - alpha × 输入^2（有多个输入时，输入^2 换成各输入的平方和）：每走一步，差值就乘以 r。|r| < 1 收敛；"
                    "|r| > 1 发散。"),
    "term.best_alpha": ("best alpha", "最佳 alpha"),
    "term.best_alpha.text": ("1/input^2: r = 0, the first step lands on the goal.",
                             "1/输入^2：这时 r = 0，第一步就正好落在目标上。"),
    "term.edge": ("edge", "稳定边界"),
    "term.edge.text": ("the edge of stability, 2/input^2: r = -1, it bounces forever; every alpha below it converges, "
                       "every alpha above it diverges.",
                       "2/输入^2：这时 r = -1，永远来回振荡；alpha 比它小就收敛，比它大就发散。"),
    "term.hot_cold": ("hot and cold", "冷热法"),
    "term.hot_cold.text": ("try one fixed step up and one down, keep the better: 3 predictions a step.",
                           "把权重向上、向下各挪一个固定的步长试一试，移到误差更小的一边：每步 3 次预测。"),
    # -- notices ----------------------------------------------------------------------------
    "exported": ("Log saved as {name} in {folder}", "迭代记录已保存到 {folder}，文件名 {name}"),
    "export_failed": ("Could not save the log: {reason}", "无法保存迭代记录：{reason}"),
    "no_chinese": ("This terminal cannot show Chinese (no UTF-8): showing English.",
                   "此终端无法显示中文（不是 UTF-8），改用英文显示。"),
    "play.diverged": ("Play stopped: the run has diverged. b steps back, 0 resets, - lowers alpha.",
                      "播放已停止：学习已经发散。按 b 后退，0 重置，- 调小 alpha。"),
    "play.landed": ("Play stopped: the error has been 0 since iteration {iteration}; nothing more can happen.",
                    "播放已停止：从第 {iteration} 次迭代起误差一直是 0，再走下去也不会变。"),
    "play.still": ("Play stopped: since iteration {iteration} the weight no longer changes; nothing more can happen.",
                   "播放已停止：从第 {iteration} 次迭代起权重就不再变化，再走下去也一样。"),
    "cannot_step": ("The run has diverged: step back (b), reset (0) or lower alpha (-).",
                    "已经发散，不能再走：请后退（b）、重置（0）或调小 alpha（-）。"),
    "nothing_to_undo": ("Nothing to go back to: this is the start, and nothing was changed before it.",
                        "无法后退：这里就是起点，之前也没有做过改动。"),
    "nothing_more": ("The lesson panel has no more to read.", "课程面板没有更多内容了。"),
    "too_small": ("gradstep needs a window of at least {width}x{height}; this one is {actual_width}x{actual_height}. "
                  "Enlarge it, or press q to quit.",
                  "gradstep 需要至少 {width}x{height} 的窗口，现在是 {actual_width}x{actual_height}。"
                  "请把窗口放大，或按 q 退出。"),
    # -- line mode --------------------------------------------------------------------------
    "lines.help": ("Enter or n: step  b: back  0: reset  + -: alpha  m: rule  l: lessons  q: quit",
                   "回车或 n：走一步  b：后退  0：重置  + -：alpha  m：规则  l：课程  q：退出"),
    "lines.no_lesson": ("{text!r} is not a lesson's number: give l and 1 to {count}", "{text!r} 不是课程编号：请输入 l 加一个 1 到 {count} 的编"
                                                                                      "号，例如 l 2"),
    "lines.unknown": ("{text!r}? {help}", "{text!r}？{help}"),
    "lines.at_start": ("(already at the start)", "（已经在起点）"),
    "lines.iteration": ("(iteration {iteration})", "（第 {iteration} 次迭代）"),
    "lines.diverged": ("{description}: b steps back, 0 resets", "{description}：b 后退，0 重置"),
}


# argparse's own words, which it looks up through gettext as it runs (Python 3.11's msgids).
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少这些参数：%s",
    "one of the arguments %s is required": "需要给出其中一个参数：%s",
    "not allowed with argument %s": "不能和参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
}
