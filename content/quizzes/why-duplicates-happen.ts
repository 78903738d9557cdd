import type { Quiz } from '../../src/quiz/types';

/** Outcome options shared by this chapter's "predict" questions: how many times order #42 is charged. */
const outcomes = [
  { label: { en: 'Never charged (the message is lost)', 'zh-cn': '一次都没扣（消息丢了）' }, charges: 0 },
  { label: { en: 'Charged once', 'zh-cn': '扣了一次' }, charges: 1 },
  { label: { en: 'Charged twice', 'zh-cn': '扣了两次' }, charges: 2 },
];

export default {
  chapter: 'concepts/why-duplicates-happen',
  questions: [
    {
      kind: 'predict',
      id: 'duplicates-lost-confirm',
      scenario: 'lost-confirm-retry',
      faults: ['f:loseConfirm'],
      prompt: {
        en:
          'The broker stores the message, but its publisher confirm is lost on the way back. The producer republishes ' +
          'after its 5 s confirm timeout. The consumer does no deduplication. How many times is order #42 charged?',
        'zh-cn': 'Broker 存下了消息，但发布确认在回程中丢了。生产者等确认超过 5 秒就重发。消费者不做任何去重。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en:
          'The retry is a brand-new message to the broker, so it is stored as a second copy and delivered as a first ' +
          'delivery, without a redelivered flag. Two copies, two charges: only a business key can tell them apart.',
        'zh-cn': '对 Broker 来说，重发的是一条全新的消息：它被存成第二份，作为首次投递发给消费者，不带重投标记。两份消息扣两次款，能把它们认出来的只有业务键。',
      },
    },
    {
      kind: 'predict',
      id: 'duplicates-retry-after-window',
      scenario: 'retry-after-dedup-window',
      faults: ['f:loseConfirm'],
      prompt: {
        en:
          'Same lost confirm, but this broker drops repeated message ids within a dedup window, ' +
          'shortened here to 2 s. The producer’s retry leaves at 5 s. How many times is order #42 charged?',
        'zh-cn':
          '同样弄丢发布确认，但这个 Broker 会在去重窗口内丢掉重复的消息 ID，这里窗口缩短为 2 秒。生产者的重发在第 5 秒才发出。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en:
          'The retry arrives after the window has closed, so the broker stores it again and the consumer charges twice. ' +
          'Broker-side dedup (JetStream’s `duplicate_window`, SQS FIFO’s 5 minutes) is bounded in time; the consumer still has to dedupe.',
        'zh-cn':
          '重发到达时窗口已经关了，Broker 又存了一份，消费者扣了两次。Broker 端去重（JetStream ' +
          '的 `duplicate_window`、SQS FIFO 的 5 分钟）都有时限，消费端照样得自己去重。',
      },
    },
    {
      kind: 'predict',
      id: 'duplicates-race-one-run',
      scenario: 'check-then-insert-race',
      faults: ['f:expireAckTimeout'],
      prompt: {
        en:
          'Two consumers; the handler checks a processed table, then inserts and charges, with no unique key. ' +
          'Right after consumer 1 receives the message its ack timeout expires, and the broker hands the message to consumer 2. ' +
          'The run then continues with the simulator’s default steps. How many times is order #42 charged in this run?',
        'zh-cn':
          '两个消费者；处理逻辑先查已处理表，再插入并扣款，表上没有唯一约束。消费者 1 刚收到消息，它的 ack 超时就到了，' +
          'Broker 把消息交给消费者 2。之后模拟器按默认顺序一步步往下走。这一次运行里，订单 #42 被扣了几次款？',
      },
      options: outcomes,
      answer: 1,
      why: {
        en:
          'In this schedule consumer 1 checks and commits before consumer 2 checks, so consumer 2 finds the row and skips. ' +
          'One good run proves nothing: Explore every schedule finds the interleaving where both checks run first and both charge.',
        'zh-cn':
          '在这个执行顺序里，消费者 1 查完并提交之后，消费者 2 才去查，于是查到了记录、直接跳过。' +
          '跑对一次说明不了什么：点“穷举所有执行顺序”，就能找到两边都先查、再都扣款的那种交错。',
      },
    },
    {
      kind: 'choice',
      id: 'duplicates-redelivered-flag',
      prompt: {
        en:
          'A teammate proposes: “skip every message whose `redelivered` flag is set.” ' +
          'Leaving aside the messages it would lose, which duplicate does this rule still let through?',
        'zh-cn': '同事提议：“凡是带 `redelivered` 标记的消息一律跳过。”先不说这样会丢消息，它还会放过哪一种重复？',
      },
      options: [
        { en: 'None: the broker sets the flag on every duplicate', 'zh-cn': '一种也不漏：Broker 会给每条重复消息打上标记' },
        {
          en: 'A producer retry after a lost confirm: it is a new copy and arrives as a first delivery',
          'zh-cn': '发布确认丢失后生产者的重发：那是一份新消息，作为首次投递到达',
        },
        { en: 'A redelivery after a consumer crash', 'zh-cn': '消费者崩溃之后的重投' },
        { en: 'A redelivery after the connection drops', 'zh-cn': '连接断开之后的重投' },
      ],
      answer: 1,
      why: {
        en:
          'The flag marks a requeued delivery, not a repeated business event; a producer’s retry is a fresh message ' +
          'without it. (Skipping flagged messages also loses the ones whose first attempt crashed before the write.)',
        'zh-cn':
          '这个标记说明的是“这次投递被放回过队列”，而不是“这个业务事件重复了”；生产者重发的是一条新消息，' +
          '根本不带这个标记。（何况一律跳过带标记的消息，还会把第一次在写库前就崩溃的那条弄丢。）',
      },
    },
    {
      kind: 'choice',
      id: 'duplicates-kafka-auto-commit',
      prompt: {
        en: 'A Kafka consumer runs with default settings (`enable.auto.commit=true`, `auto.commit.interval.ms=5000`) and crashes. What is processed again?',
        'zh-cn': '一个 Kafka 消费者使用默认配置（`enable.auto.commit=true`，`auto.commit.interval.ms=5000`），然后崩溃了。哪些消息会被再处理一遍？',
      },
      options: [
        {
          en: 'Nothing: Kafka resends only unacked messages, to another consumer, after an ack timeout',
          'zh-cn': '什么都不会：Kafka 只会在 ack 超时后把未确认的消息重发给另一个消费者',
        },
        { en: 'Only the record that was being processed at the moment of the crash', 'zh-cn': '只有崩溃那一刻正在处理的那一条' },
        { en: 'Records processed since the last committed offset: up to about 5 seconds’ worth', 'zh-cn': '上次提交位点之后处理过的记录：最多大约 5 秒的量' },
        { en: 'The whole partition, from the beginning', 'zh-cn': '整个分区，从头开始' },
      ],
      answer: 2,
      why: {
        en:
          'Kafka has no per-message ack: progress is a committed offset per partition, and the next owner ' +
          'resumes from it. With auto-commit every 5 s, everything handled since the last commit is read again.',
        'zh-cn':
          'Kafka 没有单条消息的 ack，进度就是每个分区已提交的消费位点，接手的消费者从那里继续读。自动提交每 5 秒一次，上次提交之后处理过的记录都会再读一遍。',
      },
    },
  ],
} satisfies Quiz;
