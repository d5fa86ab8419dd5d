"""Every word the app shows, in English and Simplified Chinese.

Numbers and formulas stay the same in both languages; only the words around them change.
A missing Chinese string falls back to English rather than to a blank.
"""

LANGUAGES = ("en", "zh")

_WORDS: dict[str, tuple[str, str]] = {
    # panel titles
    "parameters": ("Parameters", "参数"),
    "chart.weight": ("Error vs weight", "误差-权重"),
    "chart.iteration": ("Error vs iteration", "误差-迭代"),
    "log": ("Iteration log", "迭代记录"),
    "explain": ("This step, worked out", "这一步的计算"),
    "lesson": ("Lesson", "课程"),
    # parameter labels
    "weight": ("weight", "权重"),
    "weights": ("weights", "权重"),
    "input": ("input", "输入"),
    "inputs": ("inputs", "输入"),
    "goal": ("goal", "目标"),
    "rule": ("rule", "规则"),
    "alpha": ("alpha", "alpha"),
    "step_amount": ("step", "步长"),
    "prediction": ("prediction", "预测"),
    "error": ("error", "误差"),
    "iteration": ("iteration", "迭代"),
    "steps_taken": ("{steps} steps taken", "已走 {steps} 步"),
    "step_taken": ("1 step taken", "已走 1 步"),
    "gd": ("gradient descent", "梯度下降"),
    "hot-cold": ("hot and cold", "冷热法"),
    "measure": ("measure only", "只测量"),
    # convergence readout
    "regime.smooth": ("smooth, shrinking", "平稳,偏差缩小"),
    "regime.one-step": ("lands in one step", "一步到位"),
    "regime.overshooting": ("overshoots, shrinking", "过冲,但在缩小"),
    "regime.bouncing": ("bounces forever", "永远来回振荡"),
    "regime.diverging": ("diverges, growing", "发散,偏差越来越大"),
    "regime.no-signal": ("no signal: inputs all 0", "无信号:输入全为 0"),
    "regime.stuck-bouncing": ("ends stuck between two weights", "最后卡在两个权重之间来回跳"),
    "regime.landed": ("landed: both probes tie", "落地:两次试探相同"),
    "regime.measuring": ("nothing learns here", "这一课不学习"),
    "measured": ("measuring only: the weight stays {weight}", "只测量:权重保持 {weight}"),
    "next_lesson": ("Press l for the next lesson.", "按 l 进入下一课。"),
    "lesson_done": ("That was the tutorial's run of {steps}; step on, or press l for the next lesson.",
                    "教程的 {steps} 次迭代已走完;可以继续走,或按 l 进入下一课。"),
    "alphas": ("best alpha {best}, stable < {stable}", "最佳 alpha {best},稳定 < {stable}"),
    "steps_to_go": ("{steps} steps to error < {tolerance}", "还需 {steps} 步误差 < {tolerance}"),
    "step_to_go": ("1 step to error < {tolerance}", "还需 1 步误差 < {tolerance}"),
    "below_tolerance": ("error is below {tolerance}", "误差已低于 {tolerance}"),
    "never": ("never reaches error < {tolerance}", "误差永远到不了 < {tolerance}"),
    "cost": ("cost {made} predictions (3 a step)", "已花 {made} 次预测(每步 3 次)"),
    "hot_cold_vs_gd": ("to the goal: {steps} x 3 = {cost}; gd: {gd}", "到目标:{steps} x 3 = {cost};梯度下降:{gd}"),
    "hot_cold_bouncing": ("at the goal: bouncing, it cannot land", "已到目标附近:来回跳,无法落地"),
    # status
    "playing": ("playing", "播放中"),
    "diverged": ("DIVERGED", "已发散"),
    "banner": (
        "Diverged at iteration {iteration}: the {quantity} {what}, and stepping has stopped. "
        "r = {r}: each step multiplies the miss by {r}. {advice} "
        "Keys: - lower alpha, b step back, r reset, e edit.",
        "第 {iteration} 次迭代发散:{quantity}{what},已停止迭代。"
        "r = {r}:每一步把偏差乘以 {r}。{advice}按键:- 调小 alpha,b 后退,r 重置,e 编辑。",
    ),
    "overflowed": ("overflowed", "溢出了浮点数范围"),
    "reached": ("reached {value} (the limit is {limit})", "达到 {value}(上限 {limit})"),
    "advice": ("alpha below {stable} converges; {best} lands in one step.",
               "alpha 小于 {stable} 就会收敛;{best} 一步到位。"),
    "first_step": ("Press space to take the first step.", "按空格键走第一步。"),
    # worked step
    "moved_down": ("down is hotter (less error): weight = {weight} - {step} = {after}",
                   "向下误差更小:权重 = {weight} - {step} = {after}"),
    "moved_up": ("up is hotter (less error): weight = {weight} + {step} = {after}",
                 "向上误差更小:权重 = {weight} + {step} = {after}"),
    "tied": ("up and down tie: the weight stays {weight}", "上下误差相同:权重保持 {weight}"),
    "probe_up": ("up:   {weight} + {step} = {probe} -> error {error}",
                 "向上:{weight} + {step} = {probe} -> 误差 {error}"),
    "probe_down": ("down: {weight} - {step} = {probe} -> error {error}",
                   "向下:{weight} - {step} = {probe} -> 误差 {error}"),
    # bindings (short: the main keys must fit 80 columns)
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
    "key.view": ("view", "视图"),
    "key.export": ("export", "导出"),
    "key.language": ("中文", "English"),
    "key.exact": ("exact", "精确值"),
    "key.help": ("help", "帮助"),
    "key.quit": ("quit", "退出"),
    "edit_help": ("Tab: next field. Enter: apply (a new run from these numbers). Esc: cancel.",
                  "Tab:下一项。Enter:应用(用这些数字重新开始)。Esc:取消。"),
    # the help screen's longer words for each key
    "help.close": ("? or q closes this help; space and b scroll it.", "按 ? 或 q 关闭帮助;空格和 b 翻页。"),
    "help.step": ("one step of the rule (n does the same)", "按规则走一步(n 也可以)"),
    "help.back": ("one step back; at the start, undo the last change", "后退一步;在起点时撤销上一次改动"),
    "help.reset": ("back to the lesson's start (b undoes it)", "回到本课起点(b 可撤销)"),
    "help.alpha_up": ("alpha (or the hot-and-cold step) up: 0.1, 0.2, 0.5, 1, ...", "调大 alpha(或冷热法步长)"),
    "help.alpha_down": ("alpha (or the step) down: 1, 0.5, 0.2, 0.1, ...", "调小 alpha(或步长)"),
    "help.play": ("play or pause stepping by itself; [ and ] slower and faster", "自动播放/暂停;[ 和 ] 调速"),
    "help.lessons": ("the list of lessons: press a lesson's number", "课程列表:按课程编号选择"),
    "help.help": ("this help", "本帮助"),
    "help.quit": ("quit; your session is saved (gradstep --resume)", "退出;进度会保存(gradstep --resume)"),
    "help.rule": ("switch rule: gradient descent / hot and cold, same start", "切换规则:梯度下降 / 冷热法,起点相同"),
    "help.edit": ("edit the numbers; Enter applies, Esc cancels", "编辑数字;Enter 应用,Esc 取消"),
    "help.language": ("English / Chinese", "英文 / 中文"),
    "help.view": ("chart: error vs weight / error vs iteration", "图:误差-权重 / 误差-迭代"),
    "help.exact": ("the log with every digit", "记录显示全部位数"),
    "help.export": ("save the log as CSV (exact numbers); the path is shown", "把记录保存为 CSV(精确数字)"),
    "help.slower": ("play slower", "播放慢些"),
    "help.faster": ("play faster", "播放快些"),
    "help.weights": ("with several weights, the one the chart follows", "有多个权重时,图上跟随哪一个"),
    # notices
    "exported": ("Log saved as {name} in {folder}", "记录已保存为 {name},在 {folder}"),
    "export_failed": ("Could not save the log: {reason}", "无法保存记录:{reason}"),
    "no_chinese": ("This terminal cannot show Chinese (no UTF-8): showing English.",
                   "此终端无法显示中文(非 UTF-8)。"),
    "cannot_step": ("The run has diverged: step back (b), reset (r) or lower alpha (-).",
                    "已发散:请后退 (b)、重置 (r) 或调小 alpha (-)。"),
    "one_weight_only": ("Hot and cold moves one weight at a time; this lesson has {size}.",
                        "冷热法一次只能调一个权重;这一课有 {size} 个。"),
}


def words(language: str, key: str, **values: object) -> str:
    """The text for `key` in `language`, with `values` filled in."""
    english, chinese = _WORDS[key]
    text = chinese if language == "zh" and chinese else english
    return text.format(**values) if values else text


def term(language: str, name: str) -> str:
    """A quantity's name in `language` when the table has it, else as core spells it."""
    return words(language, name) if name in _WORDS else name
