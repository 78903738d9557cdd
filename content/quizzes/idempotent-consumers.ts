import type { Quiz } from '../../src/quiz/types';

/** Outcome options shared by this chapter's "predict" questions: how many times order #42 is charged. */
const outcomes = [
  { label: { en: 'Never charged (the message is lost)', 'zh-cn': '一次都没扣（消息丢了）' }, charges: 0 },
  { label: { en: 'Charged once', 'zh-cn': '扣了一次' }, charges: 1 },
  { label: { en: 'Charged twice', 'zh-cn': '扣了两次' }, charges: 2 },
];

export default {
  chapter: 'concepts/idempotent-consumers',
  questions: [
    {
      kind: 'predict',
      id: 'idempotent-processed-set-crash',
      scenario: 'processed-set-crash',
      faults: ['f:crashConsumerAfterEffect'],
      prompt: {
        en:
          'The consumer keeps an in-memory set of processed keys and skips anything in it. ' +
          'It charges order #42 and crashes before the ack. How many times is order #42 charged?',
        'zh-cn': '消费者在内存里维护一个已处理 key 的集合，在集合里的就跳过。它给订单 #42 扣完款，还没 ack 就崩溃了。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en:
          'The set died with the process, and the broker redelivers the unacked message to the restarted consumer, ' +
          'which has an empty set and charges again. A memory set can be a fast path, never the check.',
        'zh-cn': '集合随进程一起没了；Broker 把未确认的消息重投给重启后的消费者，它的集合是空的，于是又扣一次。内存集合可以当快速路径，但绝不能当去重的依据。',
      },
    },
    {
      kind: 'predict',
      id: 'idempotent-setnx-crash-before-claim',
      scenario: 'setnx-before-crash',
      faults: ['f:crashConsumerBeforeEffect'],
      prompt: {
        en:
          'The consumer claims the message with `SET key NX` before charging. It crashes right after the message ' +
          'is delivered, before its `SET` has run, and restarts a second later. How many times is order #42 charged?',
        'zh-cn': '消费者扣款前先用 `SET key NX` 占坑。消息刚投递过来、`SET` 还没执行，消费者就崩溃了，1 秒后重启。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 1,
      why: {
        en:
          'Nothing was claimed yet, so the redelivery’s `SET NX` succeeds and it charges once. The dangerous window is ' +
          'between the claim and the charge: crash there and the redelivery sees the key, skips, and the charge is lost.',
        'zh-cn': '还没占坑，重投的 `SET NX` 成功，正常扣了一次。真正危险的窗口在占坑和扣款之间：在那里崩溃，重投看到 key 已存在就跳过，这笔款就永远没扣。',
      },
    },
    {
      kind: 'predict',
      id: 'idempotent-upsert-three-faults',
      scenario: 'upsert-idempotent-write',
      faults: ['f:loseConfirm', 'f:crashConsumerAfterEffect', 'f:loseAck'],
      prompt: {
        en:
          'The handler sets order #42 to PAID (an upsert by key) instead of adding to a balance. The publisher confirm is lost, ' +
          'the consumer crashes after its write, and the ack of the redelivery is lost. How many times is order #42 charged?',
        'zh-cn':
          '处理逻辑是把订单 #42 置为已支付（按 key upsert），而不是往余额上加钱。' +
          '发布确认丢了，消费者写完后崩溃，重投那次的 ack 又丢了。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 1,
      why: {
        en:
          'The handler runs four times (the first delivery, the redelivery after the crash, the producer’s second copy, ' +
          'the redelivery after the lost ack), but setting PAID again changes nothing. A naturally idempotent write needs no memory at all.',
        'zh-cn':
          '处理逻辑一共跑了四次（首次投递、崩溃后的重投、生产者重发的第二份、ack 丢失后的重投），' +
          '但再置一次已支付什么也不会改变。天然幂等的写法根本不需要“记住”什么。',
      },
    },
    {
      kind: 'choice',
      id: 'idempotent-dedup-key',
      prompt: {
        en: 'Which dedup key should the consumer use for “charge order #42”?',
        'zh-cn': '“订单 #42 扣款”这条消息，消费者该用什么做去重键？',
      },
      options: [
        { en: 'The broker’s message id (`msgId`, offset or delivery tag)', 'zh-cn': 'Broker 分配的消息 ID（`msgId`、位点或 delivery tag）' },
        { en: 'A UUID the producer generates on each send attempt', 'zh-cn': '生产者每次发送时新生成的 UUID' },
        { en: 'A business key fixed when the event happens, such as `order-42:charge`', 'zh-cn': '业务事件发生时就定下来的业务键，比如 `order-42:charge`' },
        { en: 'The order id alone, `order-42`', 'zh-cn': '只用订单号 `order-42`' },
      ],
      answer: 2,
      why: {
        en:
          'A producer retry is a new message to the broker and may get a new id (RocketMQ warns about changing `msgId`s); ' +
          'a per-attempt UUID makes every retry look new; the order id alone would make “refund order #42” look like a repeat and skip it.',
        'zh-cn':
          '生产者重发在 Broker 眼里是新消息，可能换了 ID（RocketMQ 文档专门提醒 `msgId` 会变）；' +
          '每次发送都生成 UUID，每次重试都像新消息；只用订单号，“订单 #42 退款”会被当成重复而跳过。',
      },
    },
    {
      kind: 'choice',
      id: 'idempotent-survives-both',
      prompt: {
        en:
          'Which pattern keeps order #42 at exactly one charge both when the consumer crashes ' +
          'between its write and its ack, and when two consumers hold the message at once?',
        'zh-cn': '下面哪种做法，在“写入后、ack 前崩溃”和“两个消费者同时拿到同一条消息”这两种情况下，都能保证订单 #42 只扣一次？',
      },
      options: [
        { en: 'Redis `SET key NX EX 86400` before processing', 'zh-cn': '处理前执行 Redis `SET key NX EX 86400`' },
        {
          en: '`SELECT` from a processed table, then insert and charge in one transaction, with no unique key',
          'zh-cn': '先 `SELECT` 已处理表，再在一个事务里插入记录并扣款，表上没有唯一约束',
        },
        {
          en: 'An inbox row with a unique key on the business key, in the same transaction as the charge, acked after commit',
          'zh-cn': '在扣款的同一事务里写一条消费记录，业务键上有唯一约束，提交后再 ack',
        },
        { en: 'An in-memory set of processed keys', 'zh-cn': '内存里的已处理 key 集合' },
      ],
      answer: 2,
      why: {
        en:
          'The transaction commits the row and the charge together, and the unique key lets only one of two concurrent transactions commit. ' +
          '`SETNX` isn’t atomic with the database, check-then-insert races, and a memory set is lost on a crash and not shared.',
        'zh-cn':
          '事务让记录和扣款一起提交，唯一键保证两个并发事务只有一个能提交。`SETNX` ' +
          '和数据库之间没有原子性，先查再插会有竞态，内存集合一崩溃就没了，也不在消费者之间共享。',
      },
    },
  ],
} satisfies Quiz;
