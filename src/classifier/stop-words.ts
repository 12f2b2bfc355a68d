// Function words that say nothing about what a dispute is about. Kept short: a word that might tell a category apart
// stays a feature, and the model learns when it does not.
export const STOP_WORDS = new Set(
  (
    "的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 哦 么 之 其 该 此 这 那 这个 那个 这些 那些 这样 那样 这种 那种 " +
    "我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 自己 本人 大家 " +
    "是 在 有 和 与 及 以及 或 或者 并 并且 而 而且 但 但是 却 就 都 也 又 还 再 才 很 太 更 最 " +
    "把 被 让 给 对 向 从 到 于 以 为 因 由 由于 因为 所以 因此 如果 虽然 然后 于是 " +
    "一 个 一个 些 一些 等 等等 之后 之前 以后 以前 当时 时 后 前 中 上 下 里 内 " +
    "说 称 讲 表示 认为 知道 觉得 " +
    "已 已经 曾 曾经 正在 将 会 能 可 可以 要 想 没 不 无 未 非 " +
    "年 月 日 号 时 分 点 次 元 万 余 多 约 " +
    "您好 你好 请问 谢谢 麻烦 希望 现 现在 目前 一直 经常 多次 好几次 " +
    // address units: where, not what
    "省 市 县 区 镇 乡 村 组 号 幢 栋 单元 室 弄"
  ).split(/\s+/),
);
