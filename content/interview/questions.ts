import type { Question } from '../../src/interview/types';

/**
 * The interview question bank: questions candidates are really asked about duplicate consumption, each
 * with a model answer (bullets to say aloud), the copied "standard answer" that gets it wrong, why it
 * is wrong, and the chapter (and simulator) that demonstrates the mechanism. Broker facts and defaults
 * follow the project's FACTS reference; versions are given where a default changed. Plain text, no
 * Markdown.
 */
export const questions: Question[] = [
  // ── Delivery guarantees ────────────────────────────────────────────────────────────────────────
  {
    id: 'how-to-avoid-duplicate-consumption',
    topics: ['guarantees', 'idempotency'],
    brokers: ['general'],
    question: {
      en: 'How do you make sure a message is not consumed twice?',
      'zh-cn': '如何保证消息不被重复消费？',
    },
    answer: {
      en: [
        'A broker can’t promise that: a sender can’t tell a lost message from a lost reply, ' +
          'so a system that must not lose messages retries, and retries duplicate. I design for at-least-once.',
        'Duplicates come from both ends: producer re-sends after a lost confirm, and consumer redeliveries ' +
          'after a crash, a lost ack, an ack timeout, a rebalance or an auto-commit window — plus manual replays.',
        'So processing is idempotent: a dedup record keyed by the producer’s business key (order id + operation), ' +
          'under a unique constraint, written in the same DB transaction as the business change; ack after the commit.',
        'Where possible the write is naturally idempotent instead: a conditional update from UNPAID to PAID, an upsert by key, a version column.',
        'Retries are capped with a delivery limit and a DLQ, and I test it by killing the consumer between the commit and the ack.',
      ],
      'zh-cn': [
        'Broker 层面没法保证不重复：发送方分不清“消息丢了”还是“回复丢了”，不想丢消息就只能重试，重试就会重复。所以我默认按至少一次来设计。',
        '重复两头都有：生产端确认丢了会重发；消费端在崩溃、ack 丢失、ack 超时、再均衡、自动提交位点之后会被重投；还有人工重放。',
        '核心是消费端幂等：用生产者定的业务键（订单号 + 操作类型）建一张带唯一索引的消费记录表，和业务变更写在同一个本地事务里，事务提交之后再 ack。',
        '能改写法的就直接做成天然幂等：按状态条件更新（UNPAID → PAID）、按主键 upsert、版本号乐观锁。',
        '再用重试次数上限 + 死信队列兜住毒消息；上线前专门测一遍：在写库之后、ack 之前把消费者 kill 掉。',
      ],
    },
    wrong: {
      en:
        'Use the broker’s acknowledgement mechanism so each message is confirmed only once, ' +
        'keep messages in order, rely on heartbeats, set a message TTL, and check a Redis key before processing.',
      'zh-cn': '靠 MQ 的消息确认机制保证只确认一次，再保证消息有序、开启心跳、给消息设 TTL，处理前用 Redis 判断一下有没有消费过。',
    },
    why: {
      en:
        'Acks are what make redelivery happen: acking after processing is exactly what duplicates on a crash, ' +
        'and acking before loses messages. Ordering, heartbeats and TTL don’t dedupe at all (heartbeats even trigger redelivery; ' +
        'TTL discards messages), and a Redis check is a separate step from the DB write, so a crash or a second consumer slips in between.',
      'zh-cn':
        'ack 恰恰是重投的前提：处理完再 ack，崩溃就会重复；先 ack，崩溃就丢消息。有序、心跳、TTL 都不去重（心跳发现消费者挂了反而会触发重投，' +
        'TTL 是让消息过期丢弃）；Redis 判断和数据库写入是两步，崩溃或第二个消费者正好插在中间。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'crash-after-write' },
  },
  {
    id: 'exactly-once-delivery-claim',
    topics: ['guarantees', 'transactions'],
    brokers: ['general', 'kafka'],
    question: {
      en: 'Can a message queue guarantee exactly-once delivery?',
      'zh-cn': 'MQ 能不能做到消息只投递一次（Exactly-Once）？',
    },
    answer: {
      en: [
        'Not for what matters to the business. The broker can’t see whether the consumer’s ' +
          'side effect happened, so whenever it hears nothing back it has to redeliver.',
        'What brokers call exactly-once is narrower: Kafka transactions make read-process-write atomic inside Kafka; ' +
          'SQS FIFO, JetStream and Pulsar drop re-published duplicates within a window or per producer.',
        'None of them makes a charge, an email or an HTTP call happen once; those live outside the broker.',
        'The honest formula is at-least-once delivery plus idempotent processing, which gives effectively-once results.',
      ],
      'zh-cn': [
        '对业务来说做不到。Broker 看不到消费者的副作用到底有没有发生，收不到确认就只能重投。',
        '各家说的 Exactly-Once 范围都很窄：Kafka 事务只保证 Kafka 内部“读-处理-写”的原子性；' +
          'SQS FIFO、NATS JetStream、Pulsar 只是在一个时间窗口内或按生产者去掉重复发布的消息。',
        '扣款、发邮件、调 HTTP 接口这些副作用在 Broker 之外，哪一家都管不了。',
        '实际能做到的是：至少一次投递 + 幂等处理 = 效果上精确一次。',
      ],
    },
    wrong: {
      en: 'Yes, Kafka supports exactly-once: turn on the idempotent producer and transactions and each message is consumed exactly once.',
      'zh-cn': '可以，Kafka 支持 Exactly-Once，开启幂等生产者和事务，每条消息就只会被消费一次。',
    },
    why: {
      en:
        'The idempotent producer only drops the producer client’s own retries within one session and partition, and transactions only cover writes ' +
        'and offset commits inside Kafka. A consumer that writes to a database and crashes before its offset commit still processes the record again.',
      'zh-cn':
        '幂等生产者只拦截生产者客户端在单个会话、单个分区内的内部重试；事务只覆盖 Kafka ' +
        '内部的写入和位点提交。消费者写了数据库、还没提交位点就崩溃，这条消息照样会再处理一次。',
    },
    see: { chapter: 'concepts/delivery-guarantees', section: { en: 'the-fix-and-where-it-stops-holding', 'zh-cn': '怎么解决以及什么时候会失效' } },
  },
  {
    id: 'at-most-vs-at-least-once',
    topics: ['guarantees', 'acks'],
    brokers: ['general'],
    question: {
      en: 'What’s the difference between at-most-once and at-least-once, and which do you pick for payments?',
      'zh-cn': '至多一次和至少一次有什么区别？支付场景选哪个？',
    },
    answer: {
      en: [
        'It comes down to the order of the side effect and the ack (or offset commit). ' +
          'Ack first, then process: a crash in between loses the message. That’s at-most-once.',
        'Process first, then ack: a crash, a lost ack or a timeout in between redelivers it. That’s at-least-once, so duplicates.',
        'Auto-ack, or committing offsets before processing, is at-most-once.',
        'For payments I pick at-least-once: a double charge can be detected and refunded, ' +
          'a lost payment order just disappears. Then I make the handler idempotent so the duplicate is harmless.',
      ],
      'zh-cn': [
        '区别只在业务操作和 ack（或提交位点）的先后。先 ack 再处理，中间崩溃消息就丢了，这是至多一次。',
        '先处理再 ack，中间崩溃、ack 丢失或超时都会重投，这是至少一次，会有重复。',
        '自动 ack、处理之前就提交位点，都属于至多一次。',
        '支付选至少一次：多扣的钱能对账发现、能退回，丢掉的支付单就真没了。然后把消费逻辑做成幂等，让重复无害。',
      ],
    },
    wrong: {
      en: 'For payments use at-most-once: ack as soon as the message arrives, so the broker never redelivers it and nobody is charged twice.',
      'zh-cn': '支付最怕重复扣款，那就用至多一次：消息一到先 ack，Broker 就不会重投，也就不会扣两次。',
    },
    why: {
      en:
        'A crash between the ack and the charge loses the order silently, because the broker forgot the message the moment it ' +
        'was acked. Trading duplicates for silent loss is worse for money; at-least-once plus an idempotent charge avoids both.',
      'zh-cn':
        'ack 和扣款之间一崩溃，这笔订单就悄无声息地丢了：Broker 在收到 ack 的那一刻就把消息删了。' +
        '用“静默丢失”换“不重复”，对资金来说更糟；至少一次 + 幂等扣款才能两头都不出错。',
    },
    see: { chapter: 'concepts/delivery-guarantees', section: { en: 'try-it', 'zh-cn': '动手试试' } },
  },
  {
    id: 'why-broker-cannot-prevent-duplicates',
    topics: ['guarantees', 'producer'],
    brokers: ['general'],
    question: {
      en: 'Why can’t a broker simply be built so that it never delivers a message twice?',
      'zh-cn': '为什么 MQ 不能从根本上做到不重复投递？',
    },
    answer: {
      en: [
        'Every hop is request and reply: the producer waits for a publisher confirm, the broker waits for the consumer’s ack.',
        'When the reply doesn’t come, the waiting side can’t tell “the request never arrived” from “it was processed and only the ' +
          'reply was lost”. That’s the two generals problem; more rounds of confirmation don’t help, because they can be lost too.',
        'A system that must not lose data has one safe move on silence: send again. That retry is what creates the duplicate.',
        'So no-loss and no-duplicates can’t both come from the transport; the receiver has to make the second copy harmless.',
      ],
      'zh-cn': [
        '链路上每一跳都是“发请求、等回复”：生产者等 Broker 的发布确认，Broker 等消费者的 ack。',
        '等不到回复的一方分不清是“请求没到”，还是“请求处理了、只是回复丢了”，这就是两军问题。多加几轮确认也没用，确认本身也会丢。',
        '不允许丢消息的系统，在沉默时只剩一个安全动作：再发一次。重复就是这么来的。',
        '所以“不丢”和“不重”不可能都靠传输层保证，只能由接收方让第二份变得无害。',
      ],
    },
    wrong: {
      en:
        'It’s a reliability problem of the broker: with synchronous replication, ' +
        'a reliable network and one more confirmation round, duplicates would go away.',
      'zh-cn': '这是 Broker 可靠性不够：网络可靠一点、做同步复制、再多加一轮确认，就不会重复了。',
    },
    why: {
      en:
        'Storage reliability isn’t the issue. The uncertainty is whether the last reply arrived, and any extra confirmation round ' +
        'just moves the same uncertainty one step later. Retrying on silence is what prevents loss, and it is also what duplicates.',
      'zh-cn': '问题不在存储可不可靠，而在“最后那个回复到没到”永远不确定，多加一轮确认只是把同样的不确定挪到下一轮。沉默时重发是不丢的前提，也正是重复的来源。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'lost-confirm' },
  },
  {
    id: 'sources-of-duplicates',
    topics: ['guarantees', 'acks'],
    brokers: ['general'],
    question: {
      en: 'In which situations does duplicate consumption happen?',
      'zh-cn': '什么情况下会出现重复消费？',
    },
    answer: {
      en: [
        'Producer side: the publisher confirm or send response is lost or times out, the producer re-sends, and the broker stores a second copy.',
        'The consumer crashes after the side effect but before the ack or offset commit; or the ack itself is lost, or the connection drops before it arrives.',
        'An ack, visibility or lock timeout expires while the consumer is still working: the message goes to another consumer and both run at once.',
        'A rebalance or queue reassignment before the position was committed, or periodic offset ' +
          'commits (Kafka auto-commit, RocketMQ’s 5-second offset persistence) followed by a crash.',
        'And on purpose: operators resetting offsets or replaying a dead-letter queue.',
      ],
      'zh-cn': [
        '生产端：发布确认或发送响应丢了、超时了，生产者重发，Broker 存下了第二份。',
        '消费端：业务做完、ack 或位点提交还没做就崩溃；或者 ack 本身丢了、连接在 ack 送达前断了。',
        '还在处理就超时了（ack 超时、SQS 可见性超时、锁超时），消息被交给另一个消费者，两边同时在跑。',
        '再均衡、队列重新分配时位点还没提交；或者位点是定时提交的（Kafka 自动提交、RocketMQ 每 5 秒持久化一次位点），然后崩溃。',
        '还有人为的：运维回拨消费位点，或者把死信队列重新投回去。',
      ],
    },
    wrong: {
      en: 'Only when the consumer throws an exception and the broker retries it; if processing never fails, there are no duplicates.',
      'zh-cn': '只有消费失败抛异常时才会重复，MQ 会重试；只要业务代码不报错，就不会重复消费。',
    },
    why: {
      en:
        'Most duplicates follow a successful processing whose ack or offset commit never made it: a crash, a lost ack, ' +
        'a timeout or a rebalance. The producer can also store two copies without any consumer error at all.',
      'zh-cn': '大多数重复恰恰发生在处理成功之后：ack 或位点提交没送到，原因是崩溃、ack 丢失、超时或再均衡。生产者重发也会在消费端毫无报错的情况下存下两份。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'crash-after-write' },
  },

  // ── Acknowledgements ───────────────────────────────────────────────────────────────────────────
  {
    id: 'rabbitmq-auto-ack-vs-manual-ack',
    topics: ['acks', 'guarantees'],
    brokers: ['rabbitmq'],
    question: {
      en: 'RabbitMQ: automatic or manual acknowledgement — what’s the difference, and which do you use?',
      'zh-cn': 'RabbitMQ 的自动 ack 和手动 ack 有什么区别？生产环境怎么选？',
    },
    answer: {
      en: [
        'With autoAck the broker treats a message as done the moment it sends it. If the consumer crashes while processing, the message is gone: at-most-once.',
        'With manual ack the consumer calls basic.ack when it’s finished; until then ' +
          'the delivery is unacked and comes back if the channel or connection closes.',
        'I use manual ack, sent after the transaction that contains the side effect has committed. That gives at-least-once.',
        'The price is a window between the commit and the ack where a crash redelivers, so the handler must be idempotent.',
      ],
      'zh-cn': [
        'autoAck 模式下，消息一发给消费者，Broker 就当它处理完了。消费者处理中崩溃，消息就没了，这是至多一次。',
        '手动 ack 由消费者处理完再调 basic.ack；在这之前消息处于未确认（unacked）状态，信道或连接一断就会重新入队。',
        '生产环境用手动 ack，而且在包含业务操作的事务提交之后再 ack，这样是至少一次。',
        '代价是提交和 ack 之间有个窗口，这时崩溃会重投，所以消费逻辑必须幂等。',
      ],
    },
    wrong: {
      en: 'Switch to manual ack: the message is then acknowledged once, after processing, so it can’t be consumed twice.',
      'zh-cn': '把自动 ack 改成手动 ack 就行了，处理完才确认，消息就不会被重复消费。',
    },
    why: {
      en:
        'Manual ack prevents loss, not duplicates. If the consumer crashes after the DB write and before basic.ack, ' +
        'RabbitMQ requeues the unacked delivery and hands it out again with redelivered set, and the write happens twice.',
      'zh-cn':
        '手动 ack 防的是丢消息，不是重复。写完库、basic.ack 之前崩溃，RabbitMQ 会把这条未确认的消息重新入队，带着 redelivered 标记再投一次，写库就执行了两遍。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'auto-ack' },
  },
  {
    id: 'where-to-put-the-ack',
    topics: ['acks'],
    brokers: ['general', 'rabbitmq'],
    question: {
      en: 'Where exactly in the consumer code do you put the ack?',
      'zh-cn': '手动 ack 应该放在代码的哪个位置？',
    },
    answer: {
      en: [
        'After the database transaction that holds the side effect has committed — not inside it, and not before it.',
        'Ack before the commit: a crash in between loses the message. Ack after the commit: ' +
          'a crash in between redelivers it, and that window is what idempotency has to cover.',
        'If processing fails, don’t ack as if it succeeded: nack or reject, ' +
          'or return the broker’s retry status, so it goes through retries and finally to the DLQ.',
        'A duplicate that hits the unique key counts as a success: ack it normally.',
      ],
      'zh-cn': [
        '放在包含业务操作的数据库事务提交之后：不能在事务里面，更不能在处理之前。',
        '提交前 ack，中间崩溃就丢消息；提交后 ack，中间崩溃会重投，这个窗口就是幂等要兜住的。',
        '处理失败时不能当成功 ack：用 nack / reject，或者返回 Broker 的重试状态，让它走重试，最后进死信队列。',
        '撞上唯一键的重复消息算处理成功，正常 ack。',
      ],
    },
    wrong: {
      en: 'Put basicAck in a finally block, so the message is always acknowledged and never redelivered.',
      'zh-cn': '把 basicAck 放在 finally 里，保证不管成功失败都会确认，这样就不会重复投递。',
    },
    why: {
      en:
        'A finally block acks failures too, so a message whose processing threw is dropped for good. ' +
        'And it still runs after the commit, so a crash before it, or a lost ack, redelivers the message anyway.',
      'zh-cn': 'finally 里 ack 会把处理失败的消息也确认掉，这条消息就永远丢了。而且它照样在提交之后执行，执行前崩溃或者 ack 丢了，还是会重投。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'crash-after-write' },
  },
  {
    id: 'acked-but-redelivered',
    topics: ['acks'],
    brokers: ['general', 'rabbitmq', 'jetstream', 'sqs'],
    question: {
      en: 'The consumer processed the message and acked it, yet the message came back. How is that possible?',
      'zh-cn': '消费者明明已经 ack 了，为什么消息还会被重新投递？',
    },
    answer: {
      en: [
        'An ack is just a network message; the broker only knows about it if it arrives. If it’s lost, ' +
          'or the connection drops before it gets there, the broker sees an unfinished delivery.',
        'RabbitMQ: acks travel on the consumer’s own connection, so a lost ack usually ' +
          'means that connection closed — and then every unacked delivery on it is requeued.',
        'JetStream: an ack can be lost silently, and the message comes back after ack_wait ' +
          '(30 s by default). AckSync waits until the server confirms it received the ack.',
        'SQS: if the delete didn’t go through, the message becomes visible again after the visibility timeout (30 s by default).',
        'The broker can’t tell this apart from a consumer that never finished, so the handler has to be idempotent.',
      ],
      'zh-cn': [
        'ack 也只是一条网络消息，Broker 收到了才算数。ack 丢了，或者送达前连接断了，在 Broker 眼里这次投递就是没处理完。',
        'RabbitMQ 的 ack 走消费者自己的连接，ack 送不到通常意味着连接断了；连接一断，上面所有未确认的消息都会重新入队。',
        'NATS JetStream 的 ack 可能悄悄丢掉，消息在 ack_wait（默认 30 秒）之后重投；AckSync 会等服务端确认收到了 ack。',
        'SQS 删除消息没成功，可见性超时（默认 30 秒）一过，消息又会出现。',
        'Broker 没法把这种情况和“消费者根本没处理完”区分开，所以消费端必须幂等。',
      ],
    },
    wrong: {
      en: 'That can’t happen: once basicAck is called the broker deletes the message, so it must be a bug in the client or the broker.',
      'zh-cn': '不可能，调用了 basicAck，Broker 就会删掉消息，出现这种情况肯定是客户端或者 MQ 的 bug。',
    },
    why: {
      en:
        'Calling ack only sends it; the broker deletes the message when it receives it. A lost ack or ' +
        'a dropped connection leaves the delivery unacked, and redelivering it is the design, not a bug.',
      'zh-cn': '调用 ack 只是把它发出去，Broker 收到才会删除。ack 丢了或连接断了，这次投递就还是未确认状态，重投是设计如此，不是 bug。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'lost-ack' },
  },
  {
    id: 'ack-timeout-slow-consumer',
    topics: ['acks'],
    brokers: ['general', 'sqs', 'jetstream'],
    question: {
      en: 'What happens when a consumer takes longer than the ack timeout (or visibility timeout)?',
      'zh-cn': '消费者处理太慢，超过了 ack 超时（或可见性超时）会怎样？',
    },
    answer: {
      en: [
        'The broker can’t tell slow from dead, so when the timer runs out it hands the ' +
          'message to another consumer — while the first one may still be working on it.',
        'Typical timers: SQS visibility timeout 30 s by default (up to 12 h), JetStream ' +
          'ack_wait 30 s, RabbitMQ consumer_timeout 30 min, Kafka max.poll.interval.ms 5 min.',
        'That’s the main source of concurrent duplicates (a rebalance or a dropped connection mid-handler is another): two consumers hold the ' +
          'same message at the same time. A check-then-insert dedup lets both through; you need a unique key so only one transaction can commit.',
        'Keep processing well under the timeout, or extend it where the broker allows, e.g. changeInvisibleDuration in RocketMQ 5.x.',
      ],
      'zh-cn': [
        'Broker 分不清消费者是慢还是挂了，时限一到就把消息交给别的消费者，而第一个消费者可能还在处理。',
        '常见时限：SQS 可见性超时默认 30 秒（最长 12 小时），NATS JetStream ack_wait 30 秒，' +
          'RabbitMQ consumer_timeout 30 分钟，Kafka max.poll.interval.ms 5 分钟。',
        '这是并发重复最主要的来源（处理途中发生再均衡或连接断开也会）：两个消费者同时拿着同一条消息。' +
          '先查再插的去重会让两边都通过，必须靠唯一键，让两个事务只有一个能提交。',
        '处理耗时要远小于超时时间，或者在 Broker 支持时延长时限，比如 RocketMQ 5.x 的 changeInvisibleDuration。',
      ],
    },
    wrong: {
      en: 'Nothing bad: the broker waits as long as the consumer is connected, so slow processing only reduces throughput.',
      'zh-cn': '没关系，只要消费者还连着，Broker 就会一直等它处理完，慢只是影响吞吐。',
    },
    why: {
      en:
        'Brokers put a deadline on unacked work precisely because a stuck consumer often stays connected. ' +
        'When it expires the message is delivered again, usually to another consumer, and two copies run concurrently.',
      'zh-cn': 'Broker 给未确认的消息设时限，正是因为卡住的消费者往往还连着。时限一到消息就会再投，通常投给另一个消费者，两份同时在跑。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'concurrent-redelivery' },
  },
  {
    id: 'jetstream-slow-handler',
    topics: ['acks', 'idempotency'],
    brokers: ['jetstream'],
    question: {
      en: 'A NATS JetStream handler sometimes takes 40 seconds. What happens, and what do you change?',
      'zh-cn': 'NATS JetStream 的消费逻辑偶尔要跑 40 秒，会发生什么？你会怎么改？',
    },
    answer: {
      en: [
        'ack_wait is 30 s by default. When it runs out the server redelivers the message ' +
          'to whichever process pulls next, while the first handler is still running.',
        'The first handler’s late ack is still accepted, so nothing looks wrong in the logs, but the effect ran twice, possibly at the same moment.',
        'Raise ack_wait above the slowest realistic handler, or send in-progress acks (+WPI, working() in nats.js) while working: each one restarts ack_wait.',
        'Neither closes the gap: a stalled process sends nothing. The dedup must be atomic, ' +
          'a unique key written in the same transaction as the effect, not a check followed by an insert.',
      ],
      'zh-cn': [
        'ack_wait 默认 30 秒。超时后，服务端把消息重投给下一个来拉取的进程，而第一个处理逻辑还在跑。',
        '第一个处理逻辑迟到的 ack 照样被接受，日志里看不出异常，但业务已经执行了两次，甚至是同时执行。',
        '把 ack_wait 调到比最慢的正常处理时间更长，或者处理过程中定期发送“处理中”确认（+WPI，nats.js 里是 working()），每发一次 ack_wait 就重新计时。',
        '这两招都关不上窗口：进程卡住的时候什么也发不出去。去重必须是原子的：唯一键和业务写入放在同一个事务里，而不是先查再插。',
      ],
    },
    wrong: {
      en: 'Nothing happens: the consumer is still connected, so JetStream waits for it to finish and ack.',
      'zh-cn': '不会怎样：消费者还连着，JetStream 会等它处理完再 ack。',
    },
    why: {
      en:
        'JetStream tracks no consumer connection for redelivery: it only counts ack_wait ' +
        'from the delivery. Once it runs out the message goes out again, connected or not.',
      'zh-cn': 'JetStream 判断是否重投时根本不看连接，只从投递那一刻起算 ack_wait。时间一到就重投，连没连着都一样。',
    },
    see: { chapter: 'brokers/jetstream', simulator: 'ack-wait' },
  },
  {
    id: 'rabbitmq-redelivered-flag',
    topics: ['acks', 'idempotency'],
    brokers: ['rabbitmq'],
    question: {
      en: 'Can you use RabbitMQ’s redelivered flag to detect and skip duplicates?',
      'zh-cn': '能不能用 RabbitMQ 的 redelivered 标记判断重复、直接跳过？',
    },
    answer: {
      en: [
        'No. redelivered=true means the message was delivered before and may have been seen, not that it was processed.',
        'The consumer may have died before its write — then skipping loses the message — ' +
          'or after it — then it must not run again. Only your own record can tell which.',
        'It also misses duplicates: a producer re-publish after a lost confirm is a brand-new message and arrives with redelivered=false.',
        'Use it as a hint at most, for example to take the slower path that checks the dedup table; dedupe on a business key.',
      ],
      'zh-cn': [
        '不能。redelivered=true 的意思是“以前投递过、可能被看过”，不是“已经处理过”。',
        '消费者可能死在写库之前，这时跳过就丢消息；也可能死在写库之后，这时绝不能再处理。能分辨的只有你自己的消费记录。',
        '它还会漏掉重复：发布确认丢失后生产者重发的那份是一条全新的消息，redelivered 是 false。',
        '最多当个提示，比如为 true 时走一遍更严格的去重检查；真正去重要靠业务键。',
      ],
    },
    wrong: {
      en: 'Yes: if redelivered is true the message was already handled, so just ack it and return.',
      'zh-cn': '可以，redelivered 为 true 说明消息已经消费过了，直接 ack 返回就行。',
    },
    why: {
      en:
        'RabbitMQ sets the flag on any requeued delivery, including one whose consumer crashed before ' +
        'doing anything, so skipping it loses work; and producer-side duplicates never carry the flag.',
      'zh-cn':
        '只要消息重新入队再投递，RabbitMQ 就会打上这个标记，包括消费者还没来得及做任何事就崩溃的情况，跳过就等于丢消息；而生产端造成的重复根本不带这个标记。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'crash-requeue' },
  },
  {
    id: 'rabbitmq-nack-requeue',
    topics: ['acks', 'dlq'],
    brokers: ['rabbitmq'],
    question: {
      en: 'RabbitMQ: when do you nack or reject with requeue=true, and when with requeue=false?',
      'zh-cn': 'RabbitMQ 的 basic.nack / basic.reject 里 requeue 设 true 还是 false？一直 requeue 会怎样？',
    },
    answer: {
      en: [
        'requeue=true puts the message back to be delivered again: right for transient failures such as a timeout calling a dependency.',
        'requeue=false drops it, or dead-letters it if the queue has a dead-letter exchange: ' +
          'right when it will never succeed — bad format, missing data, a bug.',
        'Requeueing a poison message forever just spins: it comes straight back and hogs consumers. Classic queues put no limit on that.',
        'Quorum queues have delivery-limit, 20 by default since 4.0, then drop or DLX. But since 4.3 only failed deliveries count — ' +
          'reject and connection loss, not nack with requeue — so I still count attempts myself and reject with requeue=false past a threshold.',
      ],
      'zh-cn': [
        'requeue=true 让消息回到队列再投一次，适合临时性失败，比如调用下游超时。',
        'requeue=false 会丢弃消息；队列配了死信交换机（DLX）就进死信，适合永远不会成功的情况：格式错误、数据不存在、代码 bug。',
        '毒消息一直 requeue 只会空转：马上又回来，占着消费者。经典队列对此没有任何次数限制。',
        '仲裁队列有 delivery-limit，4.0 起默认 20 次，超过就丢弃或进 DLX。但 4.3 起只统计失败的投递（reject ' +
          '和连接断开算，nack 带 requeue 不算），所以我还是自己计次数，超过阈值就 reject 且 requeue=false。',
      ],
    },
    wrong: {
      en: 'On any exception, basicNack with requeue=true; the message is retried until it succeeds, so nothing is ever lost.',
      'zh-cn': '只要出异常就 basicNack，requeue=true，消息会一直重试直到成功，不会丢。',
    },
    why: {
      en:
        'A message that can never succeed then loops endlessly, occupying consumers and repeating ' +
        'any side effect done before the failure. Retries need a cap and a dead-letter destination.',
      'zh-cn': '永远不会成功的消息会无限循环，占着消费者，失败之前已经做过的副作用也会一遍遍重复。重试必须有上限，并且要有死信去处。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'delivery-limit-low' },
  },
  {
    id: 'rabbitmq-prefetch-and-crash',
    topics: ['acks'],
    brokers: ['rabbitmq'],
    question: {
      en: 'How does RabbitMQ prefetch (basic.qos) relate to duplicate consumption?',
      'zh-cn': 'RabbitMQ 的 prefetch（basic.qos）和重复消费有什么关系？',
    },
    answer: {
      en: [
        'Prefetch caps how many unacked deliveries a channel or consumer can hold at once.',
        'When that consumer crashes or its connection drops, all of its unacked deliveries are requeued, ' +
          'so prefetch decides how many come back at once: up to 100 with a prefetch of 100.',
        'Some of them may already have been processed and just not acked yet, so each one is a potential duplicate.',
        'Prefetch tunes throughput and blast radius; it doesn’t dedupe. Even with prefetch 1 the message in flight is redelivered.',
      ],
      'zh-cn': [
        'prefetch 限制的是一个信道或消费者手上最多能有多少条未确认的消息。',
        '消费者崩溃或连接断开时，它手上所有未确认的消息都会重新入队；prefetch 是 100，最多就有 100 条一起回来。',
        '其中一部分可能已经处理完、只是还没 ack，每一条都可能变成重复消费。',
        'prefetch 调的是吞吐和影响范围，不管去重。就算 prefetch=1，正在处理的那一条照样会被重投。',
      ],
    },
    wrong: {
      en: 'Set prefetch to 1: the consumer only has one message at a time, so it can’t get duplicates.',
      'zh-cn': '把 prefetch 设成 1，消费者每次只拿一条，就不会重复消费了。',
    },
    why: {
      en:
        'With prefetch 1 there is still one unacked delivery, and a crash after its write but before the ack requeues ' +
        'it and processes it again. Prefetch limits how many duplicates you get at once, not whether you get them.',
      'zh-cn': 'prefetch=1 时手上仍然有一条未确认的消息，写库之后、ack 之前崩溃，它照样重新入队、再处理一次。prefetch 只影响一次重复多少条，不影响会不会重复。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'crash-requeue' },
  },

  // ── Idempotent consumers ───────────────────────────────────────────────────────────────────────
  {
    id: 'dedup-key-choice',
    topics: ['idempotency', 'producer'],
    brokers: ['general'],
    question: {
      en: 'What do you use as the deduplication key?',
      'zh-cn': '幂等去重用什么做唯一键？',
    },
    answer: {
      en: [
        'A business key the producer fixes when the business event happens: order id plus operation, e.g. order-42:charge.',
        'Not a broker-assigned id: a producer retry is a new message to the broker, with a new message ' +
          'id or offset. RocketMQ’s docs warn that the same message can arrive with different msgIds.',
        'Not an id generated per send: a UUID made inside the retry loop makes every ' +
          'retry look new. Generate it once with the event and reuse it on every send.',
        'Not too coarse: with just order-42, the later refund of order 42 would be skipped as a duplicate of the charge — that’s a lost message.',
      ],
      'zh-cn': [
        '用生产者在业务事件发生时就定下来的业务键：订单号 + 操作类型，比如 order-42:charge。',
        '不用 Broker 分配的 ID：生产者重发在 Broker 看来是一条新消息，会拿到新的消息 ID 或位点。RocketMQ 文档就明确提醒，同一条消息可能带着不同的 msgId 到达。',
        '不用每次发送时临时生成的 ID：在重试逻辑里生成 UUID，每次重试都成了“新消息”。ID 要在业务事件产生时生成一次，之后每次发送都复用。',
        '粒度不能太粗：只用 order-42，后面“订单 42 退款”那条会被当成扣款的重复跳过，这其实是丢消息。',
      ],
    },
    wrong: {
      en: 'Generate a UUID for every message when you send it and dedupe on that; UUIDs are globally unique.',
      'zh-cn': '发送时给每条消息生成一个 UUID，消费端按 UUID 去重，UUID 全局唯一，肯定不会错。',
    },
    why: {
      en:
        'Uniqueness is the problem: if the id is created per send, a re-send after a lost confirm gets a ' +
        'different UUID and passes the dedup check. The key must identify the business event, not the send attempt.',
      'zh-cn': '问题恰恰出在“唯一”上：ID 每次发送时生成，确认丢失后的重发就拿到一个新 UUID，顺利通过去重。去重键要标识的是业务事件，而不是某一次发送。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'lost-confirm' },
  },
  {
    id: 'dedup-table-same-transaction',
    topics: ['idempotency', 'transactions'],
    brokers: ['general'],
    question: {
      en: 'Design a deduplication (inbox) table that actually works.',
      'zh-cn': '消费记录表怎么设计才可靠？',
    },
    answer: {
      en: [
        'A table with a unique constraint on the business key, in the same database as the business tables.',
        'In one transaction: insert the dedup row, make the business change, commit; ack only after the commit returns.',
        'Crash before the commit: neither row exists and the redelivery processes normally, so nothing is lost. ' +
          'After the commit: any redelivery or producer re-send hits the unique key, so nothing is doubled.',
        'Two concurrent deliveries race on the unique index and only one commits, so it also holds under ack timeouts and rebalances.',
        'Keep the rows longer than the whole redelivery window, including the retries and replays you allow.',
      ],
      'zh-cn': [
        '一张表，业务键上加唯一索引，和业务表放在同一个库里。',
        '在同一个本地事务里：插入消费记录、执行业务变更、提交；提交成功之后再 ack。',
        '提交前崩溃，两边都没写进去，重投正常处理，不丢；提交后，不管是重投还是生产者重发，都会撞上唯一键，不重。',
        '两次并发投递在唯一索引上竞争，只有一个事务能提交，所以 ack 超时、再均衡造成的并发重复也兜得住。',
        '记录的保留时间要超过整个重投窗口，包括重试和允许的人工重放。',
      ],
    },
    wrong: {
      en: 'Before processing, check whether the id is in the dedup table; if not, process the message, then insert the id into the table, then ack.',
      'zh-cn': '先查消费记录表里有没有这条记录，没有就处理业务，处理完再往表里插一条记录，最后 ack。',
    },
    why: {
      en:
        'The business write and the dedup insert are separate steps: a crash between them leaves the effect without the record, ' +
        'so the redelivery does it again; and two concurrent deliveries both pass the check. Only one transaction with a unique key closes both gaps.',
      'zh-cn':
        '业务写入和插入记录是两步：中间崩溃，业务做了、记录没有，重投又做一遍；' +
        '两次并发投递还会同时通过“先查”。只有放在同一个事务里、再加唯一键，两个口子才都能堵上。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'concurrent-redelivery' },
  },
  {
    id: 'redis-setnx-dedup',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Is Redis SETNX (SET key NX EX ttl) a good way to deduplicate messages?',
      'zh-cn': '用 Redis 的 SETNX 做幂等可以吗？有什么问题？',
    },
    answer: {
      en: [
        'It’s atomic and shared between consumers, which is why it’s popular, but it lives outside the database, and Redis and the DB can’t commit together.',
        'SET before processing: a crash after the SET and before the side effect loses the message, because the redelivery sees the key and skips.',
        'Check before, SET after: a crash between the effect and the SET duplicates, and two concurrent deliveries both see no key.',
        'Deleting the key on failure doesn’t help: a crashed process runs no cleanup code.',
        'It’s fine as a fast pre-filter or a lock; the decision belongs to a unique key in the same DB transaction as the business change.',
      ],
      'zh-cn': [
        '它原子、所有消费者共享，所以很流行；但它在数据库之外，Redis 和数据库没法一起提交。',
        '处理前 SETNX 占坑：占完坑、扣款前崩溃，重投的消息看到 key 已存在就跳过，消息丢了。',
        '处理前只查、处理完再 SET：扣款后、SET 前崩溃就会重复；两个消费者并发时也都查不到 key。',
        '失败时删 key 也没用：进程崩溃时不会执行任何清理代码。',
        '可以当快速过滤或并发锁用，真正的判断要交给和业务变更同一个数据库事务里的唯一键。',
      ],
    },
    wrong: {
      en: 'SETNX the message id with a short expiry before processing; if SETNX fails it’s a duplicate, skip it; if processing throws, delete the key.',
      'zh-cn': '消费前先 SETNX 消息 ID，设个过期时间；SETNX 失败说明消费过了，直接跳过；处理异常就把 key 删掉。',
    },
    why: {
      en:
        'If the consumer dies after the SET, nothing deletes the key, so every redelivery is skipped and the work ' +
        'never happens. The short expiry adds a second hole: a duplicate arriving after it expires is processed again.',
      'zh-cn':
        'SET 之后消费者一崩溃，没有人去删这个 key，后面的重投全被跳过，这笔业务永远不会执行。过期时间短又是另一个洞：过期之后才到的重复消息会再处理一次。',
    },
    see: { chapter: 'concepts/idempotent-consumers', simulator: 'setnx-before' },
  },
  {
    id: 'dedup-record-retention',
    topics: ['idempotency'],
    brokers: ['general', 'rabbitmq', 'rocketmq', 'sqs', 'jetstream'],
    question: {
      en: 'How long should a dedup record (or Redis dedup key) be kept?',
      'zh-cn': '去重记录（或者 Redis 去重键）要保留多久？过期时间怎么设？',
    },
    answer: {
      en: [
        'Longer than the redelivery window: the latest moment a duplicate can still arrive, not the typical gap.',
        'That includes ack timeouts (RabbitMQ consumer_timeout 30 min by default, SQS visibility timeout up to 12 h), retry schedules (RocketMQ 4.x ' +
          'retries 16 times with delays growing to 2 h, over four and a half hours in total), plus the replays you allow: offset resets, DLQ replays.',
        'A key that expires first lets exactly the late duplicate through.',
        'Broker dedup windows are short on purpose (SQS FIFO 5 min, JetStream duplicate_window 2 min by default), so they don’t cover this.',
        'In a DB table I keep rows for days and purge in batches; the storage is cheap compared with a double charge.',
      ],
      'zh-cn': [
        '要比重投窗口长：也就是重复消息最晚还可能到达的时间点，而不是通常的间隔。',
        '这包括 ack 超时（RabbitMQ consumer_timeout 默认 30 分钟，SQS 可见性超时最长 12 小时）、重试节奏（RocketMQ ' +
          '4.x 最多重试 16 次，间隔逐步拉长到 2 小时，加起来超过四个半小时），再加上允许的重放：回拨位点、重投死信队列。',
        'key 先过期，放过去的恰好就是那份迟到的重复。',
        'Broker 自带的去重窗口本来就短（SQS FIFO 5 分钟，NATS JetStream 的 duplicate_window 默认 2 分钟），兜不住这段时间。',
        '放在数据库表里的话，我会保留几天再分批清理，存储成本比重复扣款低得多。',
      ],
    },
    wrong: {
      en: 'A minute or so is enough: duplicates arrive right after the original, and a long TTL only wastes Redis memory.',
      'zh-cn': '设个一两分钟就够了，重复消息一般紧跟着原消息到，TTL 设长了浪费 Redis 内存。',
    },
    why: {
      en:
        'Redeliveries wait for timeouts and retry delays: with a 30 s ack timeout, one lost ack already outlives a 10 s key, ' +
        'and RocketMQ’s later retries come hours after the first attempt. A key that expires first lets exactly those duplicates through.',
      'zh-cn':
        '重投要等超时和重试间隔：ack 超时是 30 秒时，一次 ack 丢失就已经比 10 秒的 key 活得久；' +
        'RocketMQ 后面几次重试更是在首次消费几个小时之后才来。key 先过期，放过的正是这些重复。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'ttl-too-short' },
  },
  {
    id: 'check-then-insert-race',
    topics: ['idempotency', 'transactions'],
    brokers: ['general'],
    question: {
      en: 'Your consumer checks the database for the message id and inserts it if it’s absent. What’s wrong with that?',
      'zh-cn': '消费前先查数据库有没有处理过，没有再插入记录、执行业务——这样有什么问题？',
    },
    answer: {
      en: [
        'If the insert and the business change share a transaction, a single consumer ' +
          'crashing is fine; the problem is two deliveries of the same message at once.',
        'Concurrent deliveries are normal: a slow consumer’s ack timeout fires, or a rebalance hands its partition to someone else while it’s still working.',
        'Both run the SELECT, both see nothing, both insert and both charge, because no constraint stops the second row.',
        'Moving the SELECT into the transaction doesn’t fix it below serializable isolation without explicit locks. ' +
          'Put a unique constraint on the key, let the database decide, and treat the violation as already done.',
      ],
      'zh-cn': [
        '如果插入记录和业务变更在同一个事务里，单个消费者崩溃没问题；问题出在同一条消息的两次投递同时在跑。',
        '并发重投很常见：慢消费者的 ack 超时了，或者再均衡把它还在处理的分区分给了别人。',
        '两边都 SELECT，都查不到，都插入、都扣款，表上没有任何约束能拦住第二行。',
        '把 SELECT 挪进事务里也不行：隔离级别低于可串行化、又没显式加锁时，' +
          '两个事务都可能读到“不存在”。应该在键上加唯一约束，让数据库来裁决，撞上冲突就当已处理。',
      ],
    },
    wrong: {
      en: 'It’s fine as long as the SELECT and the INSERT are in the same @Transactional method; then it’s atomic.',
      'zh-cn': '没问题，把查询和插入放到同一个 @Transactional 方法里，就是原子的了。',
    },
    why: {
      en:
        'A transaction doesn’t make two readers take turns: under the usual read committed or repeatable read, both transactions can read ' +
        '“absent” and both insert. Only a unique constraint (or serializable isolation, or an explicit lock) makes the second one fail.',
      'zh-cn':
        '事务不会让两个读操作排队：在常用的读已提交、可重复读级别下，两个事务都能读到“不存在”，' +
        '然后都插入成功。只有唯一约束（或者可串行化、显式加锁）才能让第二个失败。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'slow-consumer-race' },
  },
  {
    id: 'in-memory-processed-set',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Why not keep the processed message ids in a local HashSet or in-process cache?',
      'zh-cn': '把已经消费过的消息 ID 放在本地内存（HashSet / 本地缓存）里去重，行不行？',
    },
    answer: {
      en: [
        'It’s forgotten on every crash and deploy — and a crash is exactly when the broker redelivers all unacked messages.',
        'It isn’t shared: after an ack timeout or a rebalance the message lands on another instance with its own, empty set.',
        'Adding to the set and the business write are still two steps, so a crash between them loses the mark anyway.',
        'It’s acceptable as a fast path in front of the real, durable check, never as the check itself.',
      ],
      'zh-cn': [
        '进程一崩溃、一发布，集合就清空了；而崩溃恰恰是 Broker 把所有未确认消息重投回来的时候。',
        '它不共享：ack 超时或再均衡之后，消息落到另一个实例上，那个实例的集合是空的。',
        '加进集合和写库还是两步，中间崩溃照样丢标记。',
        '可以放在持久化校验前面当快速通道，但不能当校验本身。',
      ],
    },
    wrong: {
      en: 'Keep a ConcurrentHashMap or an LRU cache of recently consumed ids; it’s fast and saves a database round trip.',
      'zh-cn': '用 ConcurrentHashMap 或者 Guava Cache 存最近消费过的消息 ID，速度快，还不用查库。',
    },
    why: {
      en:
        'The duplicates it has to catch arrive after a crash or on another instance, and in both cases ' +
        'the map is empty. It only catches duplicates that reach the same process while it keeps running.',
      'zh-cn': '它该拦的重复，恰恰是在崩溃重启后或者在另一个实例上到达的，这两种情况下这个 Map 都是空的。它只拦得住落在同一个、一直没重启过的进程上的那部分。',
    },
    see: { chapter: 'concepts/idempotent-consumers', simulator: 'processed-set' },
  },
  {
    id: 'naturally-idempotent-writes',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'How can the write itself be idempotent, so that you don’t need a dedup table?',
      'zh-cn': '有哪些天然幂等的写法，可以不用消费记录表？',
    },
    answer: {
      en: [
        "Conditional update: UPDATE orders SET status = 'PAID' WHERE id = ? AND status = 'UNPAID'. " +
          'The first run changes one row, a repeat changes zero, and zero rows means already done.',
        'Upsert by key: one payment row per order (INSERT … ON CONFLICT), instead of appending a row each time.',
        'Set a value instead of incrementing: derive the balance from payment records rather than balance = balance + 100.',
        'Optimistic version column: … WHERE id = ? AND version = 7; a replay matches no row.',
        'It only covers that one statement: an email or an API call in the same handler still repeats.',
      ],
      'zh-cn': [
        "状态条件更新：UPDATE orders SET status = 'PAID' WHERE id = ? AND status = 'UNPAID'。第一次更新一行，重复执行更新零行，零行就说明已经处理过。",
        '按主键 upsert：每个订单一条支付记录（INSERT … ON CONFLICT），而不是每次追加一行。',
        '赋值代替累加：余额由支付记录汇总得出，而不是 balance = balance + 100。',
        '乐观锁版本号：… WHERE id = ? AND version = 7，重放时匹配不到任何行。',
        '它只管这一条写操作：同一个处理逻辑里的发邮件、调接口照样会重复。',
      ],
    },
    wrong: {
      en: 'UPDATE statements are idempotent by nature; only INSERTs need deduplication.',
      'zh-cn': 'UPDATE 天然就是幂等的，只有 INSERT 才需要去重。',
    },
    why: {
      en:
        'UPDATE accounts SET balance = balance + 100 is an UPDATE and adds 200 when it runs twice. Idempotency depends on ' +
        'what the statement does — set a value, or check an expected state — not on whether it is an INSERT or an UPDATE.',
      'zh-cn':
        'UPDATE accounts SET balance = balance + 100 也是 UPDATE，执行两次就加了 200。' +
        '是否幂等取决于语句做了什么（赋值，或者带上预期状态作为条件），而不是它叫 INSERT 还是 UPDATE。',
    },
    see: { chapter: 'concepts/idempotent-consumers', simulator: 'upsert' },
  },
  {
    id: 'unique-key-violation-handling',
    topics: ['idempotency', 'dlq'],
    brokers: ['general'],
    question: {
      en: 'Your dedup insert hits a unique-key violation. What should the consumer do?',
      'zh-cn': '插入消费记录时撞上唯一键冲突，消费者应该怎么处理？',
    },
    answer: {
      en: [
        'Treat it as “already processed”: roll back the transaction and ack the message normally.',
        'Don’t rethrow it as a failure: the duplicate would go through retries and end up in the DLQ, and alerts would fire for nothing.',
        'Tell it apart from other database errors, which are real failures and should be retried.',
        'In PostgreSQL any error aborts the whole transaction, so many teams use ' +
          'INSERT … ON CONFLICT DO NOTHING and check whether a row was actually inserted.',
      ],
      'zh-cn': [
        '当成“已经处理过”：回滚事务，正常 ack。',
        '不要当失败往外抛：否则这条重复消息会走一遍重试，最后进死信队列，还会触发无意义的告警。',
        '要和其他数据库异常区分开，那些才是真失败，应该重试。',
        'PostgreSQL 里任何报错都会让整个事务作废，所以很多团队用 INSERT … ON CONFLICT DO NOTHING，再看是否真的插入了一行。',
      ],
    },
    wrong: {
      en: 'Let the DuplicateKeyException propagate; the framework logs it and the broker retries, which is harmless.',
      'zh-cn': '让 DuplicateKeyException 直接抛出去，框架会打日志，MQ 会重试，反正也没什么影响。',
    },
    why: {
      en:
        'To the broker the exception looks like a processing failure, so the message is nacked or scheduled for retry: ' +
        'the same duplicate returns again and again and finally lands in the DLQ, where someone may replay it.',
      'zh-cn': '在 Broker 看来这就是消费失败，于是 nack 或者安排重试：同一条重复消息反复回来，最后进了死信队列，还可能被人重投。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'concurrent-redelivery' },
  },
  {
    id: 'external-api-side-effect',
    topics: ['idempotency', 'transactions'],
    brokers: ['general'],
    question: {
      en: 'The consumer calls a third-party payment API. How do you avoid charging the customer twice?',
      'zh-cn': '消费者里要调用第三方支付接口，怎么防止重复扣款？',
    },
    answer: {
      en: [
        'A database transaction can’t include an HTTP call, so the dedup table alone doesn’t cover it.',
        'If the provider supports idempotency keys, send the business key on every attempt, retries and redeliveries included; ' +
          'a repeat gets the first result back. Ask how long the provider keeps keys: the redelivery window must fit inside.',
        'If it doesn’t: commit the dedup record together with a PENDING call record, call with your own transaction number, record the result, then ack.',
        'A redelivery that finds PENDING must not call blindly: query the provider by that number, ' +
          'or hand it to a person. That keeps the uncertain cases rare and visible.',
      ],
      'zh-cn': [
        '数据库事务包不住一次 HTTP 调用，光有消费记录表兜不住。',
        '对方支持幂等键的话，每次请求都带上业务键，重试、重投都用同一个，' +
          '对方对重复请求返回第一次的结果。要问清对方幂等键保留多久，重投窗口必须在这个时间以内。',
        '对方不支持的话：先把消费记录和一条 PENDING 状态的调用记录一起提交，再带着自己的流水号去调用，记下结果，最后 ack。',
        '重投时看到 PENDING，不要闭着眼再调一次：拿流水号去对方查单，或者转人工。这样不确定的情况会很少，而且看得见。',
      ],
    },
    wrong: {
      en: 'Put the API call and the DB update in one @Transactional method; if the call fails, everything rolls back.',
      'zh-cn': '把调用支付接口和更新数据库放在同一个 @Transactional 方法里，调用失败就整体回滚。',
    },
    why: {
      en:
        'Rolling back the database doesn’t un-charge the card. And the dangerous case isn’t a failed call but a successful one ' +
        'followed by a crash or a timeout: the transaction rolls back, the message is redelivered, and the API is called again.',
      'zh-cn': '数据库回滚了，扣出去的钱不会回来。而且危险的不是调用失败，而是调用成功之后崩溃或超时：事务回滚，消息重投，接口又被调一次。',
    },
    see: { chapter: 'concepts/idempotent-consumers', section: { en: '6-side-effects-outside-your-database', 'zh-cn': '6-数据库之外的副作用' } },
  },

  // ── Producer side ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'producer-retry-duplicates',
    topics: ['producer'],
    brokers: ['general', 'rabbitmq', 'rocketmq'],
    question: {
      en: 'Can the producer cause duplicate messages? How?',
      'zh-cn': '生产者会不会导致消息重复？是怎么发生的？',
    },
    answer: {
      en: [
        'Yes. The producer waits for a publisher confirm or a send response; if it’s lost or late, ' +
          'the producer can’t tell whether the broker stored the message, so it sends again.',
        'If the first copy was stored, the queue now holds two. A RabbitMQ publisher re-publishes after ' +
          'a lost confirm or a dropped connection. A RocketMQ sync send retries fast failures by itself, ' +
          'but sendMsgTimeout bounds the whole call, so after a real timeout it’s the application that sends again.',
        'The second copy is a new message to the broker: no redelivered flag, often a new message id. Only a business key recognises it.',
        'Broker-side producer dedup narrows this within limits; the consumer still has to dedupe.',
      ],
      'zh-cn': [
        '会。生产者要等发布确认或发送响应，确认丢了或来晚了，它不知道 Broker 到底存没存，只能再发一次。',
        '如果第一份其实已经存下，队列里就有两份。RabbitMQ 在发布确认丢失或连接断开后会重新发布。RocketMQ ' +
          '同步发送只对很快返回的失败自动重试，而 sendMsgTimeout 限定的是整次调用的总时长，真正超时之后，再发一次的是业务代码。',
        '对 Broker 来说第二份是新消息：不带 redelivered 标记，消息 ID 往往也是新的，只有业务键认得出来。',
        'Broker 端的生产者去重能在一定范围内减少这类重复，但消费端还是要去重。',
      ],
    },
    wrong: {
      en: 'No. With publisher confirms enabled the broker acknowledges every message once, so each message is stored exactly once.',
      'zh-cn': '不会，开了发布确认（publisher confirm），Broker 对每条消息只确认一次，消息就只会存一份。',
    },
    why: {
      en:
        'Confirms tell the producer when a message is safe; they don’t stop a re-send. When a confirm is lost the ' +
        'producer re-publishes and the broker stores the message again, because to the broker the second one is new.',
      'zh-cn': '发布确认只是告诉生产者消息存好了，并不阻止重发。确认一丢，生产者重新发布，Broker 又存一份，因为在它看来那是一条新消息。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'lost-confirm' },
  },
  {
    id: 'kafka-idempotent-producer',
    topics: ['producer'],
    brokers: ['kafka'],
    question: {
      en: 'Kafka: with enable.idempotence=true, are duplicates gone?',
      'zh-cn': 'Kafka 开启幂等生产者（enable.idempotence=true）之后，是不是就不会有重复消息了？',
    },
    answer: {
      en: [
        'It makes the broker drop the producer client’s internal retries, using the producer id, the epoch and a per-partition sequence number.',
        'Its scope is one producer session and one partition. A restarted producer without a transactional.id ' +
          'gets a new producer id, and an application that calls send() twice for the same event gets two records.',
        'It’s the default since 3.0, together with acks=all — except that a bug kept it off in 3.0.0 and ' +
          '3.1.0 (fixed in 3.0.1, 3.1.1 and 3.2.0). It needs max.in.flight.requests.per.connection ≤ 5, ' +
          'retries > 0 and acks=all; if those conflict and you didn’t set it explicitly, it is silently off.',
        'It does nothing for the consumer side: a crash or rebalance before the offset commit still reprocesses records.',
      ],
      'zh-cn': [
        '它让 Broker 丢掉生产者客户端自己的内部重试，靠的是生产者 ID、epoch 和每个分区上的序列号。',
        '作用范围是单个生产者会话、单个分区。生产者重启后（没配 transactional.id）会拿到新的生产者 ID；应用层对同一个事件调了两次 send()，就是两条消息。',
        '3.0 起它和 acks=all 一起成为默认值，但有个 bug 让 3.0.0 和 3.1.0 实际没有开启（3.0.1、3.1.1、3.2.0 修复）。' +
          '它要求 max.in.flight.requests.per.connection ≤ 5、retries > 0、acks=all；配置冲突、又没有显式开启时，它会悄悄关掉。',
        '它完全不管消费端：提交位点之前崩溃或再均衡，照样重复消费。',
      ],
    },
    wrong: {
      en: 'Yes: the idempotent producer guarantees each message is sent exactly once, and since 3.0 it’s on by default, so consumers don’t need to dedupe.',
      'zh-cn': '是的，幂等生产者保证每条消息只发送一次，3.0 以后默认就开着，消费端不用再做幂等。',
    },
    why: {
      en:
        'It deduplicates only the retries the client makes internally, within one session and partition. ' +
        'Application re-sends, producer restarts and every consumer-side redelivery still produce duplicates.',
      'zh-cn': '它只去掉客户端在单个会话、单个分区内的内部重试。应用层重发、生产者重启，以及消费端所有的重投，照样会带来重复。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'producer-restart' },
  },
  {
    id: 'transactional-outbox',
    topics: ['producer', 'transactions'],
    brokers: ['general'],
    question: {
      en: 'How do you make sure the database update and the message publish both happen? Does that also solve duplicates?',
      'zh-cn': '怎么保证本地数据库更新和发消息同时成功？事务发件箱能不能顺便解决重复消费？',
    },
    answer: {
      en: [
        'Transactional outbox: write the business change and the outgoing message into an outbox table in one local transaction.',
        'A relay reads the outbox, publishes, then marks rows as sent. So there’s never ' +
          'a message for a rolled-back change, and never a lost message after a commit.',
        'The relay can crash after publishing and before marking, or lose the confirm, and then it publishes the row again: this is at-least-once publishing.',
        'So the outbox fixes loss and inconsistency on the producer side, and consumers still dedupe on the business key the message carries.',
      ],
      'zh-cn': [
        '用事务发件箱（transactional outbox）：业务变更和待发送的消息写进同一个本地事务。',
        '由中继进程扫描发件箱表、投递到 MQ，再把记录标记为已发送。这样业务回滚了就不会发消息，业务提交了消息也不会丢。',
        '中继可能在发出去之后、标记之前崩溃，或者收不到确认，于是再发一次：这是至少一次的投递。',
        '所以事务发件箱解决的是生产端丢消息和数据不一致，消费端还得按消息里带的业务键去重。',
      ],
    },
    wrong: {
      en: 'The outbox gives exactly-once: each row is published once and then marked as sent, so consumers never see duplicates.',
      'zh-cn': '事务发件箱能保证消息只发一次：每条记录发完就标记为已发送，消费端不会收到重复消息。',
    },
    why: {
      en:
        'Publishing and marking the row are again two steps on two systems: a crash or a lost confirm between ' +
        'them makes the relay publish the same row a second time. The outbox is at-least-once by construction.',
      'zh-cn': '“发出去”和“标记已发送”又是两个系统上的两步：中间崩溃或确认丢失，中继就会把这条记录再发一次。事务发件箱天生就是至少一次。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'lost-confirm' },
  },
  {
    id: 'broker-dedup-windows',
    topics: ['producer'],
    brokers: ['sqs', 'jetstream', 'pulsar'],
    question: {
      en: 'SQS FIFO, NATS JetStream and Pulsar can deduplicate on publish. Can you rely on that?',
      'zh-cn': 'SQS FIFO、NATS JetStream、Pulsar 都有发送端去重，能不能直接依赖它？',
    },
    answer: {
      en: [
        'They remove producer re-sends, within limits. SQS FIFO dedupes by MessageDeduplicationId (or content) ' +
          'within 5 minutes; JetStream ignores a repeated Nats-Msg-Id within the stream’s duplicate_window, 2 minutes by default.',
        'Pulsar’s broker dedup is off by default; it keeps the highest sequence id per producer name, ' +
          'so the name must survive restarts, and the state of producers inactive for 360 minutes is dropped.',
        'A retry after the window — a long backoff, an outbox relay catching up — is stored again.',
        'None of them touches consumer-side redelivery: a crash before the ack or a visibility ' +
          'timeout still duplicates. They reduce duplicates; consumer idempotency is still required.',
      ],
      'zh-cn': [
        '它们能去掉生产者的重发，但有范围：SQS FIFO 在 5 分钟内按 MessageDeduplicationId（或消息内容）' +
          '去重；JetStream 在流的 duplicate_window（默认 2 分钟）内忽略重复的 Nats-Msg-Id。',
        'Pulsar 的 Broker 去重默认关闭；它按生产者名记住最大的序列号，所以生产者名必须在重启后保持不变，闲置超过 360 分钟的生产者状态会被清掉。',
        '窗口之后的重试（长时间退避、事务发件箱的中继积压后补发）会被当成新消息再存一份。',
        '它们都不管消费端的重投：ack 前崩溃、可见性超时照样会重复。它们能减少重复，但代替不了消费端幂等。',
      ],
    },
    wrong: {
      en: 'Yes: turn on FIFO deduplication (or set Nats-Msg-Id) and you have exactly-once, so the consumer can skip idempotency.',
      'zh-cn': '可以，开了 FIFO 去重（或者带上 Nats-Msg-Id）就是 Exactly-Once 了，消费端不用再做幂等。',
    },
    why: {
      en:
        'The dedup covers only publishes inside a short window (or per producer name), and only on the way in. ' +
        'A re-send after the window is stored again, and every consumer-side redelivery still happens.',
      'zh-cn': '这种去重只覆盖很短的时间窗口（或者按生产者名），而且只管“进来”这一段。窗口之后的重发照样存一份，消费端的各种重投也一个都不少。',
    },
    see: { chapter: 'concepts/deduplication', simulator: 'window-missed' },
  },
  {
    id: 'rabbitmq-built-in-dedup',
    topics: ['producer', 'idempotency'],
    brokers: ['rabbitmq'],
    question: {
      en: 'Does RabbitMQ deduplicate messages for you?',
      'zh-cn': 'RabbitMQ 自带消息去重吗？',
    },
    answer: {
      en: [
        'Classic and quorum queues don’t. There is a community plugin, rabbitmq-message-deduplication, but it isn’t part of the broker.',
        'Streams are the exception: they support publisher deduplication by producer name plus publishing id.',
        'RabbitMQ’s own guidance is to make consumers idempotent, with the redelivered flag only as a hint.',
        'So I set a message_id or business key when publishing and dedupe on it in the consumer, in the same transaction as the write.',
      ],
      'zh-cn': [
        '经典队列和仲裁队列都没有内置去重。社区有个插件 rabbitmq-message-deduplication，但它不是 Broker 自带的。',
        '例外是 Stream：支持按生产者名 + publishing id 做发布端去重。',
        '官方的建议就是消费端幂等，redelivered 标记只能当提示。',
        '所以发布时带上 message_id 或业务键，消费端按它去重，并且和业务写入放在同一个事务里。',
      ],
    },
    wrong: {
      en: 'Yes: set the message_id property and RabbitMQ drops a second message with the same id.',
      'zh-cn': '有，发送时设置 message_id 属性，RabbitMQ 会自动丢掉相同 ID 的消息。',
    },
    why: {
      en:
        'message_id is just a property passed through to the consumer; classic and ' +
        'quorum queues store both copies. Deduplicating on it is the consumer’s job.',
      'zh-cn': 'message_id 只是一个随消息带给消费者的属性，经典队列和仲裁队列会把两份都存下来。按它去重是消费端自己的事。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'lost-confirm' },
  },

  // ── Kafka ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'kafka-why-duplicates',
    topics: ['acks', 'guarantees'],
    brokers: ['kafka'],
    question: {
      en: 'Why does Kafka consume messages twice?',
      'zh-cn': 'Kafka 为什么会重复消费？',
    },
    answer: {
      en: [
        'A Kafka consumer group has no per-message ack. Progress is a committed offset per partition: the next record to read.',
        'After a crash or a rebalance, the partition’s new owner resumes from the last ' +
          'committed offset, so everything processed after that commit is read again.',
        'Auto-commit (on by default, every 5 s) leaves a window of up to about 5 s of records; ' +
          'committing manually after processing narrows it, but a crash before the commit still repeats.',
        'A consumer that exceeds max.poll.interval.ms (5 min) is removed from the ' +
          'group while it may still be working, so its partition is re-read concurrently.',
        'Plus producer re-sends outside the idempotent producer’s scope, and operators resetting offsets.',
      ],
      'zh-cn': [
        'Kafka 消费者组没有单条消息的 ack，进度是每个分区提交的消费位点（offset），也就是下一条要读的位置。',
        '消费者崩溃或者发生再均衡后，接手分区的消费者从最后一次提交的位点开始读，上次提交之后处理过的消息全部重读。',
        '自动提交默认开启、每 5 秒一次，崩溃最多重放大约 5 秒的消息；改成处理完手动提交能缩小窗口，但提交前崩溃仍会重复。',
        '处理超过 max.poll.interval.ms（默认 5 分钟）的消费者会被踢出组，它手上的活可能还没干完，分区已经被别人重新读了，形成并发重复。',
        '还有幂等生产者管不到的生产端重发，以及运维回拨位点。',
      ],
    },
    wrong: {
      en: 'If the consumer doesn’t ack in time, Kafka resends the message to another consumer in the group.',
      'zh-cn': '消费者没有及时 ack，Kafka 就会把消息重新发给组里的另一个消费者。',
    },
    why: {
      en:
        'Classic consumer groups have neither a per-message ack nor a per-message resend (only the new share groups do). ' +
        'Duplicates come from reading a partition again from the last committed offset after a crash or a rebalance.',
      'zh-cn': '传统消费者组既没有单条 ack，也没有单条重发（只有新的共享组 Share Group 有）。重复来自崩溃或再均衡之后，分区从最后提交的位点重新读。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'auto-commit-crash' },
  },
  {
    id: 'kafka-auto-commit',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'Kafka: how does auto-commit cause duplicates, and does switching to manual commit fix it?',
      'zh-cn': 'Kafka 自动提交位点有什么问题？改成手动提交是不是就不会重复了？',
    },
    answer: {
      en: [
        'enable.auto.commit is true by default (forced off when there is no group.id) and auto.commit.interval.ms ' +
          'is 5000: the offsets returned by poll() are committed periodically, inside poll() and close().',
        'A crash between two auto-commits replays up to about 5 seconds of records that were already processed.',
        'Manual commitSync() after processing is at-least-once with a smaller window; committing before processing is at-most-once.',
        'Either way, the crash window between your DB write and the commit remains, so the handler still has to be idempotent.',
      ],
      'zh-cn': [
        'enable.auto.commit 默认是 true（没配 group.id 时强制为 false），' +
          'auto.commit.interval.ms 默认 5000：poll() 返回过的位点会在 poll() 和 close() 里定时提交。',
        '两次自动提交之间崩溃，最多会重放大约 5 秒已经处理过的消息。',
        '改成处理完再 commitSync() 是至少一次，窗口更小；处理之前就提交则成了至多一次。',
        '不管哪种，写库和提交位点之间的崩溃窗口都还在，所以消费逻辑照样要幂等。',
      ],
    },
    wrong: {
      en: 'Auto-commit is the cause: turn it off, call commitSync() after every message, and there are no more duplicates.',
      'zh-cn': '重复就是自动提交造成的，关掉自动提交、每条消息处理完就 commitSync()，就不会重复了。',
    },
    why: {
      en:
        'Manual commit after processing is still at-least-once: a crash, a rebalance or a failed commit between the DB ' +
        'write and commitSync() makes the next owner read that record again. It shrinks the window; it doesn’t close it.',
      'zh-cn': '处理完再手动提交仍然是至少一次：写库和 commitSync() 之间发生崩溃、再均衡或提交失败，下一个消费者还会再读这条。它缩小了窗口，但没有消除窗口。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'auto-commit-crash' },
  },
  {
    id: 'kafka-max-poll-interval',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'Kafka: what happens when processing a batch takes longer than max.poll.interval.ms?',
      'zh-cn': 'Kafka 消费者一批消息处理太久，超过 max.poll.interval.ms 会发生什么？',
    },
    answer: {
      en: [
        'max.poll.interval.ms (default 300000, i.e. 5 minutes) is the longest allowed gap between poll() calls. Miss it and the consumer leaves the group.',
        'Its partitions are reassigned and the new owner re-reads from the committed offset — ' +
          'while the slow consumer may still be finishing the same records. That’s a concurrent duplicate.',
        'When the slow one then tries to commit, it gets a CommitFailedException; but the work it did has already happened.',
        'It’s a different timer from session.timeout.ms (45 s since 3.0, heartbeats every 3 s), which detects dead processes. ' +
          'Fix: do less work per poll or raise the interval, and dedupe with a unique key so the concurrent copy can’t apply twice.',
      ],
      'zh-cn': [
        'max.poll.interval.ms（默认 300000，即 5 分钟）是两次 poll() 之间允许的最长间隔，超了消费者就会离开消费者组。',
        '它的分区被重新分配，新消费者从已提交的位点重读，而慢的那个可能还在处理同一批消息，这就是并发重复。',
        '慢消费者之后再提交位点会抛 CommitFailedException，但它做过的业务已经生效了。',
        '它和 session.timeout.ms（3.0 起默认 45 秒，心跳间隔 3 秒）是两个计时器，后者靠心跳判断进程死没死。' +
          '解决办法：每次 poll 少处理一些，或者调大这个间隔，再用唯一键去重，让并发的那份没法重复生效。',
      ],
    },
    wrong: {
      en: 'Increase session.timeout.ms and the heartbeat interval, so the broker knows the consumer is still alive.',
      'zh-cn': '把 session.timeout.ms 和心跳间隔调大，让 Broker 知道消费者还活着就行了。',
    },
    why: {
      en:
        'Heartbeats and session.timeout.ms detect a dead process; the limit on slow processing is max.poll.interval.ms, which still ' +
        'expires. And even a well-sized timeout only makes the concurrent re-read rarer — the handler still has to be idempotent.',
      'zh-cn':
        '心跳和 session.timeout.ms 判断的是进程死没死；限制处理时长的是 max.poll.interval.ms，' +
        '它照样会超时。就算超时调得合适，也只是让并发重读少一些，消费逻辑还是得幂等。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'poll-interval' },
  },
  {
    id: 'kafka-rebalance-duplicates',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'Why does a Kafka rebalance lead to duplicate consumption, and how do you reduce it?',
      'zh-cn': 'Kafka 再均衡（rebalance）为什么会导致重复消费？怎么缓解？',
    },
    answer: {
      en: [
        'A rebalance moves partitions between consumers; the new owner starts at the ' +
          'last committed offset, so records processed but not yet committed are read again.',
        'Commit the processed offsets in ConsumerRebalanceListener.onPartitionsRevoked, before the partition is taken away.',
        'Avoid needless rebalances: keep processing under max.poll.interval.ms. ' +
          'session.timeout.ms is 45 s since 3.0 (it was 10 s), so short pauses no longer evict a consumer.',
        'KIP-848’s new protocol (group.protocol=consumer, production-ready in 4.0; the client default is still classic) ' +
          'makes rebalances incremental, but a moved partition still resumes from its committed offset.',
        'So the handler stays idempotent; rebalance tuning only makes duplicates rarer.',
      ],
      'zh-cn': [
        '再均衡会把分区在消费者之间挪动，新消费者从最后提交的位点开始读，已经处理但还没提交的消息会再读一遍。',
        '在 ConsumerRebalanceListener.onPartitionsRevoked 里提交已处理的位点，在分区被收走之前把进度存下来。',
        '减少不必要的再均衡：处理时间控制在 max.poll.interval.ms 以内；session.timeout.ms 3.0 起默认 45 秒（以前是 10 秒），短暂停顿不会再把消费者踢出去。',
        'KIP-848 的新协议（group.protocol=consumer，4.0 起可用于生产，客户端默认仍是 classic）让再均衡变成增量的，但被挪走的分区依旧从已提交的位点恢复。',
        '所以消费逻辑仍要幂等，调优再均衡只是让重复少发生。',
      ],
    },
    wrong: {
      en: 'Switch to the new incremental rebalance protocol (KIP-848): there’s no stop-the-world rebalance any more, so rebalance duplicates disappear.',
      'zh-cn': '换成增量再均衡的新协议（KIP-848），不再 Stop The World，再均衡导致的重复消费就没了。',
    },
    why: {
      en:
        'Incremental rebalancing means fewer partitions move at once, not that a moved partition keeps its uncommitted progress: ' +
        'it still resumes from the committed offset. And a consumer that crashed never got to run onPartitionsRevoked at all.',
      'zh-cn':
        '增量再均衡只是每次挪动的分区更少，被挪动的分区并不会带走没提交的进度，依旧从已提交的位点恢复；而崩溃的消费者根本没机会执行 onPartitionsRevoked。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'close-no-revoke' },
  },
  {
    id: 'kafka-transactions-exactly-once',
    topics: ['transactions', 'guarantees'],
    brokers: ['kafka'],
    question: {
      en: 'Kafka transactions give exactly-once semantics. Does that solve duplicate consumption?',
      'zh-cn': 'Kafka 的事务（Exactly-Once 语义）能解决重复消费吗？',
    },
    answer: {
      en: [
        'With a transactional.id and sendOffsetsToTransaction, consume-transform-produce becomes ' +
          'atomic inside Kafka: the output records and the input offsets commit together or not at all.',
        'Readers must use isolation.level=read_committed; the default, read_uncommitted, also returns records from aborted transactions.',
        'Anything outside Kafka — a database write, an HTTP call, an email — is not part of that ' +
          'transaction. A crash after the DB write and before the commit reprocesses the record.',
        'So for a consumer that writes to a DB I still dedupe in the DB; Kafka transactions are for Kafka-to-Kafka pipelines.',
      ],
      'zh-cn': [
        '配置 transactional.id、使用 sendOffsetsToTransaction，可以让“消费-处理-生产”在 Kafka 内部原子化：输出消息和输入位点要么一起提交，要么都不提交。',
        '下游要设 isolation.level=read_committed；默认的 read_uncommitted 会把已中止事务里的消息也读出来。',
        'Kafka 之外的东西，比如写数据库、调 HTTP、发邮件，都不在这个事务里。写完库、事务提交前崩溃，这条消息会再处理一次。',
        '所以消费者要写数据库时，我还是在数据库里去重；Kafka 事务适合 Kafka 到 Kafka 的流式处理。',
      ],
    },
    wrong: {
      en: 'Yes: enable transactions and read_committed, and Kafka guarantees every message is processed exactly once end to end.',
      'zh-cn': '能，开启事务、消费端设 read_committed，Kafka 就能保证端到端每条消息只处理一次。',
    },
    why: {
      en:
        'The atomicity only spans Kafka topics and consumer offsets. Your database commit isn’t ' +
        'part of it, so the window between the DB write and the offset commit is still there.',
      'zh-cn': '它的原子性只覆盖 Kafka 的 Topic 和消费位点，你的数据库提交不在其中，所以写库和提交位点之间的窗口依然存在。',
    },
    see: { chapter: 'brokers/kafka', simulator: 'transaction-charge' },
  },
  {
    id: 'kafka-share-groups',
    topics: ['acks', 'dlq'],
    brokers: ['kafka'],
    question: {
      en: 'Kafka share groups (“queues for Kafka”, KIP-932): how do duplicates and retries work there?',
      'zh-cn': 'Kafka 的共享组（Share Group，KIP-932）里，重复和重试是怎么回事？',
    },
    answer: {
      en: [
        'Several consumers can read the same partition; each record is acquired under a time-limited lock ' +
          '(group.share.record.lock.duration.ms, 30 s by default) and acknowledged per record: accept, release or reject.',
        'If the lock expires before an accept — slow consumer, lost acknowledgement, crash — the record is ' +
          'delivered again, possibly to another consumer. That’s at-least-once, like an ack timeout on a queue.',
        'Each record has a delivery count; past group.share.delivery.count.limit (default 5, allowed range 2–10) it is archived instead of retried.',
        'Early access in 4.0, preview in 4.1, production-ready in 4.2. Handlers still need to be idempotent.',
      ],
      'zh-cn': [
        '多个消费者可以读同一个分区；每条记录被取走时加一把有时限的锁（group.share.record.lock.duration.ms，' +
          '默认 30 秒），并且按条确认：accept、release 或 reject。',
        '锁在 accept 之前到期（消费者太慢、确认丢了、崩溃），记录就会再投递，可能投给另一个消费者。这是至少一次，和队列的 ack 超时一样。',
        '每条记录有投递次数，超过 group.share.delivery.count.limit（默认 5，取值范围 2–10）后会被归档，不再重试。',
        '4.0 是抢先体验，4.1 预览，4.2 起可用于生产。消费逻辑照样要幂等。',
      ],
    },
    wrong: {
      en: 'Share groups give queue semantics: each message goes to exactly one consumer, exactly once, so there are no more duplicates.',
      'zh-cn': '共享组就是队列语义，每条消息只给一个消费者、只消费一次，不会再有重复。',
    },
    why: {
      en:
        'A record is held by one consumer at a time, but when its acquisition lock runs out it is handed out ' +
        'again while the first consumer may still be working. That’s the ack-timeout duplicate, now in Kafka.',
      'zh-cn':
        '同一时刻一条记录只在一个消费者手里，但取走时加的锁一到期，它就会被重新分发，' +
        '而第一个消费者可能还在处理。这就是 ack 超时造成的重复，只不过现在出现在了 Kafka 里。',
    },
    see: { chapter: 'brokers/kafka', section: { en: 'share-groups', 'zh-cn': '共享组share-group' } },
  },
  {
    id: 'offset-reset-replay',
    topics: ['idempotency', 'dlq'],
    brokers: ['kafka', 'general'],
    question: {
      en: 'After a bug fix, ops resets the consumer group’s offsets to yesterday (or replays the DLQ). What must the consumer handle?',
      'zh-cn': '修完 bug 之后，运维把消费者组的位点回拨到昨天（或者重投死信队列），消费端要注意什么？',
    },
    answer: {
      en: [
        'Every message in the replayed range arrives again; the broker keeps no memory of which ones were processed.',
        'For messages that had already succeeded, the replay is a pure duplicate, and a deliberate one: nothing failed.',
        'A consumer that dedupes on a business key treats it like any other redelivery: it hits the unique key, acks, and nothing happens.',
        'That only works if the dedup records still exist, so retention has to cover the replay range you allow.',
        'Writes that check the expected state or version also stop old events from overwriting newer state.',
      ],
      'zh-cn': [
        '回放范围内的每条消息都会再来一遍，Broker 不会记得哪些已经处理过。',
        '对原本已经成功的消息来说，这就是纯粹的重复，而且是故意的，什么都没出错。',
        '按业务键去重的消费者，会把它当成普通的重投：撞上唯一键，ack，不产生效果。',
        '前提是消费记录还在：保留时间要覆盖你允许的重放范围。',
        '带预期状态或版本号的写法，还能防止旧事件覆盖新状态。',
      ],
    },
    wrong: {
      en: 'Nothing special: Kafka knows which messages the group has already consumed, so after a reset it only redelivers the failed ones.',
      'zh-cn': '不用特别处理，Kafka 知道这个消费者组消费过哪些消息，回拨之后只会重发失败的那些。',
    },
    why: {
      en:
        'The group’s only memory is its committed offset per partition, and a reset moves it back. ' +
        'Every record after it is read again, successes included; only the consumer’s own records can tell them apart.',
      'zh-cn': '消费者组唯一的记忆就是每个分区已提交的位点，回拨就是把它往回挪，之后的所有消息都会重读，成功的也一样。能区分它们的只有消费端自己的记录。',
    },
    see: {
      chapter: 'concepts/why-duplicates-happen',
      section: { en: '57-rebalances-periodic-commits-and-replays', 'zh-cn': '57-再均衡定时提交位点和人工重放' },
    },
  },

  // ── RabbitMQ ───────────────────────────────────────────────────────────────────────────────────
  {
    id: 'rabbitmq-consumer-timeout',
    topics: ['acks'],
    brokers: ['rabbitmq'],
    question: {
      en: 'RabbitMQ: a job runs for 40 minutes, then the channel is closed with PRECONDITION_FAILED and the job runs again on another consumer. What happened?',
      'zh-cn': 'RabbitMQ 一个任务处理了 40 分钟，信道被 PRECONDITION_FAILED 关掉，任务又在别的消费者上跑了一遍，这是怎么回事？',
    },
    answer: {
      en: [
        'That’s the delivery acknowledgement timeout, consumer_timeout: 30 minutes by default, checked about once a minute.',
        'Up to 4.2, exceeding it closes the channel with PRECONDITION_FAILED and the channel’s unacked ' +
          'deliveries are requeued, so another consumer gets the job while the first may still be running it.',
        'Since 4.3 it applies to quorum queues only: the consumer is cancelled (or the channel closed if the client ' +
          'lacks consumer_cancel_notify) and the message returns to the queue; classic queues have no timeout at all.',
        'Fix: keep the work under the timeout or raise it for that workload (per queue since 3.11.15, per consumer since 4.3, ' +
          'with x-consumer-timeout), split long jobs, and make the job idempotent so the second run has no effect.',
      ],
      'zh-cn': [
        '这是 RabbitMQ 的 ack 超时 consumer_timeout：默认 30 分钟，大约每分钟检查一次。',
        '4.2 及以前，超时会以 PRECONDITION_FAILED 关闭信道，信道上未确认的消息重新入队，于是别的消费者拿到了这个任务，而第一个可能还在跑。',
        '4.3 起只对仲裁队列生效：消费者被取消（客户端不支持 consumer_cancel_notify 时关闭信道），消息回到队列；经典队列则完全没有这个超时。',
        '解决：让处理时间低于超时，或者针对这类任务调大它（3.11.15 起可按队列、' +
          '4.3 起可按消费者用 x-consumer-timeout 设置），把长任务拆小；任务本身要幂等，第二遍不产生效果。',
      ],
    },
    wrong: {
      en: 'It’s a heartbeat timeout: increase the connection heartbeat so RabbitMQ doesn’t think the consumer is dead.',
      'zh-cn': '这是心跳超时，把连接的 heartbeat 调大一点，RabbitMQ 就不会认为消费者挂了。',
    },
    why: {
      en:
        'Heartbeats check that the connection is alive, and this consumer was alive and connected. What it hit is the ' +
        'acknowledgement timeout on its unacked delivery, which requeues the message — a duplicate as soon as both runs finish.',
      'zh-cn': '心跳检查的是连接是否存活，而这个消费者一直活着、连着。它撞上的是未确认投递的 ack 超时，超时后消息重新入队，两遍都跑完就是重复执行。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'consumer-timeout' },
  },
  {
    id: 'rabbitmq-quorum-delivery-limit',
    topics: ['dlq'],
    brokers: ['rabbitmq'],
    question: {
      en: 'RabbitMQ: a message in a quorum queue keeps failing. What eventually happens to it?',
      'zh-cn': 'RabbitMQ 仲裁队列里有一条消息一直消费失败，最后会怎样？',
    },
    answer: {
      en: [
        'Quorum queues count redeliveries in the x-delivery-count header. ' +
          'Since 4.0 delivery-limit defaults to 20 (before, it was unlimited; -1 restores that).',
        'Over the limit the message is dropped — or dead-lettered if a dead-letter ' +
          'exchange (DLX) is configured. So configure a DLX, or the message is silently lost.',
        'Since 4.3 only failed deliveries count: basic.reject and connection loss do, nack with ' +
          'requeue and consumer timeouts don’t; a new x-acquired-count header counts every acquisition.',
        'Classic queues have no such limit, so a requeued poison message loops there until someone stops it.',
        'Alert on the dead-letter queue; replaying it later is one more round of redeliveries.',
      ],
      'zh-cn': [
        '仲裁队列用 x-delivery-count 头记录投递次数。4.0 起 delivery-limit 默认是 20（以前不限次数，设为 -1 可以恢复）。',
        '超过上限，消息会被丢弃；配置了死信交换机（DLX）才会进死信。所以一定要配 DLX，否则就是悄悄丢了。',
        '4.3 起只统计失败的投递：basic.reject 和连接断开算，nack 带 requeue 和消费者超时不算；另有新的 x-acquired-count 头记录被取走的总次数。',
        '经典队列没有这个上限，一直 requeue 的毒消息会无限循环，直到有人介入。',
        '死信队列要有告警；之后重投死信，又是一轮重复投递。',
      ],
    },
    wrong: {
      en: 'RabbitMQ never drops a message: it keeps redelivering it until a consumer finally acks it.',
      'zh-cn': 'RabbitMQ 不会丢消息，会一直重投，直到消费者 ack 为止。',
    },
    why: {
      en:
        'For quorum queues that was true only before 4.0. Since 4.0, once a message’s delivery ' +
        'count passes the limit (20 by default) it is dropped, unless a DLX catches it.',
      'zh-cn': '对仲裁队列来说，这只在 4.0 以前成立。4.0 起投递次数一旦超过上限（默认 20），消息就会被丢弃，除非配置了 DLX 把它接住。',
    },
    see: { chapter: 'brokers/rabbitmq', simulator: 'delivery-limit-low' },
  },
  {
    id: 'message-ttl-myth',
    topics: ['dlq', 'guarantees'],
    brokers: ['rabbitmq'],
    question: {
      en: 'Can a message TTL prevent duplicate consumption?',
      'zh-cn': '给消息设置 TTL（过期时间）能避免重复消费吗？',
    },
    answer: {
      en: [
        'No. A TTL (x-message-ttl on the queue, or a per-message expiration) makes a message that waited too long expire: it’s discarded or dead-lettered.',
        'That is a form of loss, not dedup: the message is gone whether or not it was ever processed.',
        'It does nothing about two copies that are both within the TTL, or about a redelivery after a crash.',
        'Don’t confuse it with the TTL of a dedup key, which is the opposite problem: too short, and late duplicates get through.',
      ],
      'zh-cn': [
        '不能。TTL（队列上的 x-message-ttl，或者单条消息的 expiration）是让等太久的消息过期：被丢弃或者进死信。',
        '这是一种丢失，而不是去重：不管处理没处理过，消息都没了。',
        '两份都还没过期的重复消息、崩溃后的重投，它一概不管。',
        '别和去重键的 TTL 搞混：那是反过来的问题，设得太短，迟到的重复就会漏过去。',
      ],
    },
    wrong: {
      en: 'Set x-message-ttl: a message that isn’t consumed in time expires, so it can’t be consumed again.',
      'zh-cn': '设置 x-message-ttl，消息超时没被消费就过期了，这样就不会被重复消费。',
    },
    why: {
      en:
        'Expiry removes messages that haven’t been consumed — it loses work — while duplicates come from ' +
        'messages that were consumed and then redelivered or re-published, well within any sensible TTL.',
      'zh-cn': '过期删掉的是还没被消费的消息，等于丢了业务；而重复来自已经消费过、又被重投或重发的消息，它们往往早在 TTL 到期之前就到了。',
    },
    see: { chapter: 'myths', simulator: 'myth-ttl' },
  },

  // ── RocketMQ ───────────────────────────────────────────────────────────────────────────────────
  {
    id: 'rocketmq-consume-failure',
    topics: ['dlq'],
    brokers: ['rocketmq'],
    question: {
      en: 'What happens when a RocketMQ consumer fails to process a message?',
      'zh-cn': 'RocketMQ 消费失败会怎样？',
    },
    answer: {
      en: [
        'In concurrent mode (4.x push consumer), returning RECONSUME_LATER or throwing sends the message to the retry topic %RETRY%<group>.',
        'Retries back off through the delay levels: 10 s, 30 s, 1 min, 2 min … 20 min, 30 min, ' +
          '1 h, 2 h. maxReconsumeTimes defaults to -1, which means 16 retries in concurrent mode.',
        'After that it goes to the dead-letter topic %DLQ%<group>, one per consumer group; ' +
          'it is not consumed automatically, so someone has to look at it and replay it.',
        'Every retry is a redelivery, so work done before the failure runs again: the handler must be idempotent. ' +
          'Broadcasting mode doesn’t retry failures at all, and orderly mode retries locally and blocks the queue.',
        '5.x SimpleConsumer: a message not acked within its invisibleDuration becomes visible again; ' +
          'the retry limit comes from the group’s metadata (default 16), then the DLQ.',
      ],
      'zh-cn': [
        '并发消费（4.x Push 消费者）时，返回 RECONSUME_LATER 或者抛异常，消息会进入重试 Topic %RETRY%<消费者组>。',
        '重试间隔按延迟级别逐步拉长：10 秒、30 秒、1 分钟、2 分钟……20 分钟、30 分钟、1 小时、2 小时。maxReconsumeTimes 默认 -1，在并发模式下表示 16 次。',
        '16 次用完进入死信队列 %DLQ%<消费者组>，按消费者组划分，不会再被自动消费，需要人工排查、重投。',
        '每次重试都是一次重投，失败前已经做过的操作会再做一遍，所以消费逻辑要幂等。广播模式失败不重试；顺序消费则是本地重试，会堵住队列。',
        '5.x SimpleConsumer：在 invisibleDuration 内没 ack，消息就重新可见；最大重试次数取消费者组的配置，默认 16，之后进死信队列。',
      ],
    },
    wrong: {
      en: 'It’s retried 16 times and then thrown away, so to be safe, catch every exception and return CONSUME_SUCCESS.',
      'zh-cn': 'RocketMQ 会重试 16 次，之后消息就没了；为了保险，把异常都 catch 掉，直接返回 CONSUME_SUCCESS。',
    },
    why: {
      en:
        'After 16 retries the message is kept in %DLQ%<group>, not deleted. Catching everything and returning ' +
        'CONSUME_SUCCESS is what actually loses it: the broker counts it as consumed and never redelivers it.',
      'zh-cn':
        '16 次之后消息进了 %DLQ%<消费者组>，并没有被删掉。把异常全 catch 掉返回 CONSUME_SUCCESS 才是真正的丢消息：Broker 认为已经消费成功，再也不会重投。',
    },
    see: { chapter: 'brokers/rocketmq', simulator: 'retry-dlq' },
  },
  {
    id: 'rocketmq-consumer-group-myth',
    topics: ['guarantees'],
    brokers: ['rocketmq'],
    question: {
      en: 'Does putting consumers in one RocketMQ consumer group prevent duplicate consumption? What’s the difference between clustering and broadcasting?',
      'zh-cn': 'RocketMQ 的消费者组能避免重复消费吗？集群模式和广播模式有什么区别？',
    },
    answer: {
      en: [
        'Clustering mode (the default): the group’s consumers split the queues, and each message goes ' +
          'to one consumer of the group. Broadcasting: every consumer in the group gets every message.',
        'Different groups subscribed to the same topic each get every message; that’s by design.',
        'Neither mode dedupes. In clustering, a crash or a rebalance redelivers whatever was ' +
          'consumed since the last offset commit (every 5 s), and failed messages are retried.',
        'Broadcasting stores offsets locally on each consumer and doesn’t retry failures, so it isn’t a reliability tool either.',
      ],
      'zh-cn': [
        '集群模式（默认）：组内消费者分摊队列，每条消息只投给组里的一个消费者。广播模式：组里每个消费者都收到每条消息。',
        '订阅同一个 Topic 的不同消费者组，各自都会收到全部消息，这是设计如此。',
        '两种模式都不去重。集群模式下，崩溃或再均衡会把上次提交位点（每 5 秒一次）之后消费过的消息再投一遍，消费失败的消息还会重试。',
        '广播模式的位点存在各个消费者本地，失败也不重试，更谈不上可靠。',
      ],
    },
    wrong: {
      en: 'Put all consumers in the same consumer group: within a group each message is consumed only once, so there are no duplicates.',
      'zh-cn': '把消费者放在同一个消费者组里，组内一条消息只会被消费一次，所以就不会重复消费。',
    },
    why: {
      en:
        '“One consumer per message” is load distribution, not deduplication: the same message can still reach that consumer twice, ' +
        'or another one after a rebalance, because progress is a periodically committed offset and failures are retried.',
      'zh-cn':
        '“一条消息只给一个消费者”是负载分摊，不是去重：同一条消息照样可能给这个消费者投两次，' +
        '或者再均衡后投给另一个消费者，因为进度是定时提交的位点，失败还会重试。',
    },
    see: { chapter: 'myths', simulator: 'myth-rocketmq-group' },
  },
  {
    id: 'rocketmq-restart-reconsume',
    topics: ['acks'],
    brokers: ['rocketmq'],
    question: {
      en: 'Why does a RocketMQ consumer reprocess a batch of messages after a restart or a scale-out?',
      'zh-cn': 'RocketMQ 消费者重启或者扩容之后，为什么会重复消费一批消息？',
    },
    answer: {
      en: [
        'Progress is a consume offset per queue. In clustering mode the broker keeps it, ' +
          'and the client commits it periodically: persistConsumerOffsetInterval, 5000 ms by default.',
        'A crash throws away whatever was consumed since the last commit, and those messages are delivered again.',
        'Scaling out or in triggers a rebalance: queues move to other consumers, which start from the last committed offset.',
        'So restarts and deploys are routine sources of duplicates; the consumer has to dedupe on the business key.',
      ],
      'zh-cn': [
        '进度是每个队列的消费位点。集群模式下由 Broker 保存，客户端定时提交：persistConsumerOffsetInterval，默认 5000 毫秒。',
        '崩溃时，上次提交之后消费过的消息都会再投递一次。',
        '扩容、缩容会触发再均衡：队列分给别的消费者，从最后提交的位点开始消费。',
        '所以重启、发布本身就是很常见的重复来源，消费端必须按业务键去重。',
      ],
    },
    wrong: {
      en:
        'RocketMQ records each message as consumed on the broker as soon as the listener returns ' +
        'CONSUME_SUCCESS, so a restart can only repeat the message being processed at that moment.',
      'zh-cn': '监听器返回 CONSUME_SUCCESS，Broker 就记下这条消息消费成功了，所以重启最多只会重复当时正在处理的那一条。',
    },
    why: {
      en:
        'Returning CONSUME_SUCCESS advances the offset in the client; the broker learns about it only at the ' +
        'next periodic commit. Everything consumed in between is delivered again after a crash or a rebalance.',
      'zh-cn': '返回 CONSUME_SUCCESS 只是更新了客户端里的位点，Broker 要等下一次定时提交才知道。这段时间里消费过的消息，崩溃或再均衡后都会再投一遍。',
    },
    see: { chapter: 'brokers/rocketmq', simulator: 'offset-crash' },
  },
  {
    id: 'rocketmq-send-retry-msgid',
    topics: ['producer', 'idempotency'],
    brokers: ['rocketmq'],
    question: {
      en: 'RocketMQ: can send retries cause duplicates, and should you dedupe on msgId or on keys?',
      'zh-cn': 'RocketMQ 生产者发送重试会不会导致重复？去重该用 msgId 还是 keys？',
    },
    answer: {
      en: [
        'Yes, from two places. A sync send retries by itself after fast failures such as a dropped connection or a broker error ' +
          '(retryTimesWhenSendFailed, 2 by default). If the broker had already stored the failed attempt, it now holds two copies with the same msgId.',
        'sendMsgTimeout (3 s) bounds the whole call, retries included, so once a real timeout spends it the client stops retrying. ' +
          'The duplicate then comes from the application catching the timeout and sending again: a new Message with a new msgId.',
        'RocketMQ states plainly that it doesn’t avoid duplicates and leaves dedup to the consumer.',
        'Not msgId: the docs warn that the same message can arrive with different msgIds, for example the re-sent copy.',
        'Put a business key (order id + operation) in the message keys — the broker indexes it ' +
          'for lookup — and dedupe on it with a unique constraint in the consumer’s transaction.',
      ],
      'zh-cn': [
        '会，而且有两个来源。同步发送遇到很快返回的失败，比如连接断开、Broker 报错，会自己重试（retryTimesWhenSendFailed，' +
          '默认 2 次）；如果失败的那次其实已经存下，Broker 上就有两份 msgId 相同的消息。',
        'sendMsgTimeout（3 秒）限定的是整次调用，重试也算在里面，真正超时把时间用完，客户端就不再重试了。' +
          '这时的重复来自业务代码：捕获超时异常后再发一次，新建的 Message 带着新的 msgId。',
        'RocketMQ 官方明确说不保证消息不重复，去重交给消费端。',
        '不能用 msgId：文档提醒同一条消息可能带着不同的 msgId 到达，比如重发的那一份。',
        '把业务键（订单号 + 操作类型）放进消息的 keys（Broker 会为它建索引，方便查询），消费端在事务里按它做唯一约束去重。',
      ],
    },
    wrong: {
      en: 'msgId is globally unique, so store it in Redis or a table and skip any message whose msgId you’ve already seen.',
      'zh-cn': 'msgId 全局唯一，把它存到 Redis 或者表里，见过的 msgId 直接跳过就行。',
    },
    why: {
      en:
        'A re-send from the application is a new message to the broker and carries a new msgId, so the duplicate ' +
        'sails through. Only a key the producer derives from the business event stays the same across re-sends.',
      'zh-cn':
        '业务代码重发的消息在 Broker 看来是一条新消息，带着新的 msgId，重复消息就这样通过了。只有生产者根据业务事件生成的键，才会在多次发送之间保持不变。',
    },
    see: { chapter: 'brokers/rocketmq', simulator: 'send-retry' },
  },
  {
    id: 'rocketmq-orderly-blocking',
    topics: ['ordering', 'dlq'],
    brokers: ['rocketmq'],
    question: {
      en: 'RocketMQ orderly consumption: what happens to a message that keeps failing?',
      'zh-cn': 'RocketMQ 顺序消费时，某条消息一直消费失败会怎样？',
    },
    answer: {
      en: [
        'Orderly mode can’t skip ahead, so a failure returns SUSPEND_CURRENT_QUEUE_A_MOMENT: ' +
          'the queue is suspended (suspendCurrentQueueTimeMillis, 1000 ms) and the message is retried locally.',
        'Here maxReconsumeTimes -1 means Integer.MAX_VALUE, so a poison message retries practically forever and blocks everything behind it in that queue.',
        'Every retry runs the handler again, so it has to be idempotent too.',
        'I count attempts myself and, past a threshold, park the message in an error table and alert — ' +
          'knowingly giving up order for that one key rather than stalling the whole queue.',
      ],
      'zh-cn': [
        '顺序消费不能跳过，失败时返回 SUSPEND_CURRENT_QUEUE_A_MOMENT：当前队列挂起（suspendCurrentQueueTimeMillis，1000 毫秒），消息在本地重试。',
        '这时 maxReconsumeTimes 的 -1 表示 Integer.MAX_VALUE，毒消息几乎会无限重试，把这个队列后面的消息全部堵住。',
        '每次重试都会重新执行消费逻辑，所以同样要幂等。',
        '我会自己计重试次数，超过阈值就把消息落到异常表并告警：为这一个业务键主动放弃顺序，也不让整个队列卡死。',
      ],
    },
    wrong: {
      en: 'Same as concurrent mode: it goes to the retry topic, is retried 16 times, then goes to the DLQ, and the queue keeps flowing.',
      'zh-cn': '和并发消费一样：进重试队列，重试 16 次后进死信队列，队列后面的消息照常消费。',
    },
    why: {
      en:
        'That’s concurrent consumption. Orderly consumption retries in place to preserve order, with effectively ' +
        'unlimited attempts by default, so the queue stalls behind the failing message and the backlog keeps growing.',
      'zh-cn': '那是并发消费的行为。顺序消费为了保序是原地重试，默认几乎不限次数，整个队列卡在这条消息上，积压越来越多。',
    },
    see: { chapter: 'brokers/rocketmq', simulator: 'orderly-poison' },
  },
  {
    id: 'rocketmq-transactional-message',
    topics: ['transactions', 'producer'],
    brokers: ['rocketmq'],
    question: {
      en: 'Do RocketMQ transactional messages prevent duplicate consumption?',
      'zh-cn': 'RocketMQ 事务消息能保证不重复消费吗？',
    },
    answer: {
      en: [
        'Transactional messages solve a producer problem: send a half message, run the local transaction, ' +
          'then commit or roll back; if the status is unknown, the broker checks back with the producer.',
        'That makes “local DB change” and “message becomes visible” atomic: no message for a rolled-back order, no lost message for a committed one.',
        'Once committed it’s an ordinary message to consumers: a crash before the offset commit, a rebalance, RECONSUME_LATER retries all still redeliver it.',
        'So consumers still dedupe on the business key.',
      ],
      'zh-cn': [
        '事务消息解决的是生产端的问题：先发半消息，执行本地事务，再提交或回滚；状态不明时 Broker 会回查生产者。',
        '它让“本地数据库变更”和“消息对外可见”原子化：订单回滚就不会发消息，订单提交了消息也不会丢。',
        '提交之后，对消费者来说它就是普通消息：位点提交前崩溃、再均衡、RECONSUME_LATER 重试，都会照样重投。',
        '所以消费端还是要按业务键去重。',
      ],
    },
    wrong: {
      en: 'Yes: with transactional messages the whole flow is one distributed transaction, so the message is consumed exactly once.',
      'zh-cn': '能，用了事务消息，整个链路就是一个分布式事务，消息只会被消费一次。',
    },
    why: {
      en:
        'The transaction spans the producer’s local transaction and the half-message commit, ' +
        'nothing on the consumer side. Consumption is still at-least-once.',
      'zh-cn': '事务只覆盖生产者的本地事务和半消息的提交，消费端一概不管，消费仍然是至少一次。',
    },
    see: { chapter: 'brokers/rocketmq', section: { en: 'transactional-messages-publish-atomically-nothing-more', 'zh-cn': '事务消息只管发送不管消费' } },
  },

  // ── Ordering, heartbeats and distributed-transaction myths ─────────────────────────────────────
  {
    id: 'ordering-myth',
    topics: ['ordering'],
    brokers: ['general', 'kafka'],
    question: {
      en: 'Does guaranteeing message order prevent duplicates?',
      'zh-cn': '保证消息顺序，能不能避免重复消费？',
    },
    answer: {
      en: [
        'No, they’re independent. Ordering is about the sequence within a partition or queue; a duplicate is the same message arriving again.',
        'A Kafka consumer that crashes re-reads its partition from the committed offset — in perfect order, duplicates included.',
        'It also works the other way: duplicates can undo ordering, because a late copy of an old event can overwrite newer state.',
        'So you need an idempotent handler and, for state changes, writes that check the expected state or version.',
      ],
      'zh-cn': [
        '不能，两者没关系。顺序说的是一个分区或队列内的先后，重复说的是同一条消息又来了一次。',
        'Kafka 消费者崩溃后从已提交的位点重读分区，顺序完全正确，重复也一条不少。',
        '反过来，重复还会破坏顺序的效果：一条旧事件的迟到副本可能把新状态覆盖掉。',
        '所以既要幂等，状态变更还要带上预期状态或版本号做条件。',
      ],
    },
    wrong: {
      en: 'Use ordered consumption (a single partition, an orderly listener): messages are processed one by one, in order, so none is processed twice.',
      'zh-cn': '用顺序消费（单分区 / 顺序监听器），消息一条一条按顺序处理，就不会被处理两次。',
    },
    why: {
      en:
        'Ordered consumption still saves progress after processing, so a crash or a rebalance replays from the last ' +
        'committed position — just in order. And with ordering, a failing message blocks its queue while it’s retried.',
      'zh-cn': '顺序消费也是处理完才提交进度，崩溃或再均衡照样从上次提交的位置重放，只不过是按顺序重放。而且顺序消费下，失败的消息还会堵住队列反复重试。',
    },
    see: { chapter: 'myths', simulator: 'myth-heartbeats' },
  },
  {
    id: 'heartbeat-myth',
    topics: ['acks'],
    brokers: ['general', 'kafka', 'rabbitmq'],
    question: {
      en: 'Don’t consumer heartbeats prevent duplicate consumption?',
      'zh-cn': '心跳机制能避免重复消费吗？',
    },
    answer: {
      en: [
        'No. Heartbeats let the broker or group coordinator detect a consumer that has died.',
        'Detecting a dead consumer is what triggers redelivery: RabbitMQ requeues its unacked messages when the ' +
          'connection goes; Kafka rebalances its partitions to others, which re-read from the committed offset.',
        'A consumer can also be evicted while it is still working, which creates a concurrent duplicate. In Kafka that is ' +
          'max.poll.interval.ms (5 min), not session.timeout.ms: the Java client heartbeats from a background thread, so a slow ' +
          'handler keeps heartbeating. Only a whole-process stall (a long GC pause) or a network partition lets the 45 s session expire.',
        'Heartbeats are about failure detection and availability; dedup is the handler’s job.',
      ],
      'zh-cn': [
        '不能。心跳是让 Broker 或消费者组协调者发现消费者挂了。',
        '发现消费者挂了，恰恰会触发重投：RabbitMQ 在连接断开时把它未确认的消息重新入队；Kafka 触发再均衡，把它的分区交给别人，从已提交的位点重读。',
        '消费者还在干活时也可能被踢出组，形成并发重复。在 Kafka 里，踢掉慢消费者的是 max.poll.interval.ms（5 分钟），不是 session.timeout.ms：' +
          'Java 客户端由后台线程发心跳，处理逻辑再慢，心跳也照发不误。只有整个进程停住（比如长时间的 GC 停顿）或者网络分区，45 秒的会话超时才会到期。',
        '心跳管的是故障检测和可用性，去重是消费逻辑自己的事。',
      ],
    },
    wrong: {
      en: 'Yes: heartbeats tell the broker the consumer is alive, so it won’t hand the message to another consumer.',
      'zh-cn': '能，心跳告诉 Broker 消费者还活着，Broker 就不会把消息交给别的消费者。',
    },
    why: {
      en:
        'A healthy heartbeat doesn’t stop redelivery after a lost ack, a crash and restart, ' +
        'or an ack timeout; and a missed heartbeat is exactly the signal that makes the broker redeliver.',
      'zh-cn': '心跳正常，并不妨碍 ack 丢失、崩溃重启、ack 超时之后的重投；而心跳一断，正是 Broker 开始重投的信号。',
    },
    see: { chapter: 'myths', simulator: 'myth-heartbeats' },
  },
  {
    id: 'late-duplicate-overwrites-state',
    topics: ['ordering', 'idempotency'],
    brokers: ['general'],
    question: {
      en: 'A duplicate “order paid” arrives after “order refunded”. How do you keep the order’s state correct?',
      'zh-cn': '一条重复的“订单已支付”消息在“订单已退款”之后才到，怎么保证订单状态不被改错？',
    },
    answer: {
      en: [
        "Blind assignment is the trap: SET status = 'PAID' is idempotent on its own, but a late copy rewinds a refunded order to paid.",
        "Use a state machine with a conditional update: … SET status = 'PAID' WHERE id = ? AND status = 'UNPAID'. A late duplicate changes zero rows.",
        'Or an optimistic version: the event carries the version it applies to, and WHERE version = ? rejects a stale one.',
        'And dedupe on order id plus operation (order-42:pay vs order-42:refund), so the key tells the two events apart.',
      ],
      'zh-cn': [
        "陷阱在单纯赋值：SET status = 'PAID' 本身是幂等的，但迟到的那份会把已退款的订单改回已支付。",
        "用状态机加条件更新：… SET status = 'PAID' WHERE id = ? AND status = 'UNPAID'，迟到的重复更新零行。",
        '或者用乐观锁版本号：事件带上它针对的版本，WHERE version = ? 把过期的事件挡掉。',
        '去重键用订单号 + 操作类型（order-42:pay 和 order-42:refund），把两个事件区分开。',
      ],
    },
    wrong: {
      en: 'Just upsert the latest status by order id; upserts are idempotent, so duplicates don’t matter.',
      'zh-cn': '按订单号 upsert 最新状态就行，upsert 是幂等的，重复了也没关系。',
    },
    why: {
      en:
        'Idempotent means running it twice in a row equals running it once; a plain upsert that runs late, ' +
        'after another change, overwrites the newer state. The write has to state what it expects to find.',
      'zh-cn': '幂等说的是连着执行两次和执行一次一样；单纯的 upsert 晚到一步、在别的变更之后才执行，就会覆盖更新的状态。写操作必须写明它期望看到的状态。',
    },
    see: { chapter: 'concepts/idempotent-consumers', simulator: 'upsert' },
  },
  {
    id: 'distributed-transaction-myth',
    topics: ['transactions'],
    brokers: ['general'],
    question: {
      en: 'Can’t you solve duplicates with a distributed transaction (XA / 2PC) spanning the broker and the database?',
      'zh-cn': '用分布式事务（XA / 2PC）把 MQ 和数据库绑在一起，能解决重复消费吗？',
    },
    answer: {
      en: [
        'In practice, no: 2PC/XA across the broker and the database is rarely available or used, and it would tie the availability of both systems together.',
        'What teams really use are producer-side tools: transactional messages (RocketMQ) ' +
          'or a transactional outbox. They make publishing reliable and consistent with the local transaction.',
        'Consumption after that is still at-least-once: crash before the ack, rebalance, retries.',
        'The cheap, local answer stays the same: the dedup record and the business change in one local DB transaction, then the ack.',
      ],
      'zh-cn': [
        '实际上不行：横跨 Broker 和数据库的 2PC/XA 很少有 MQ 支持，也很少有人真用，还会把两边的可用性绑死。',
        '大家真正用的是生产端方案：事务消息（RocketMQ）或事务发件箱，它们让“发消息”可靠，并和本地事务保持一致。',
        '在那之后，消费仍然是至少一次：ack 前崩溃、再均衡、重试。',
        '更便宜的答案还是那个：消费记录和业务变更放在一个本地事务里，提交之后再 ack。',
      ],
    },
    wrong: {
      en: 'Use a distributed transaction framework such as Seata, so consuming the message and updating the database commit together; then it’s exactly once.',
      'zh-cn': '上分布式事务框架（比如 Seata），让消费消息和更新数据库一起提交，就是精确一次了。',
    },
    why: {
      en:
        'The ack to the broker isn’t a participant in such a transaction, so the window between the DB commit and the ack ' +
        'is still there; and the producer-side variants (transactional messages, outbox) don’t touch consumption at all.',
      'zh-cn': '这类事务里，发给 Broker 的 ack 并不是参与方，数据库提交和 ack 之间的窗口依然存在；而生产端的方案（事务消息、事务发件箱）根本不涉及消费。',
    },
    see: { chapter: 'myths', section: { en: '7-distributed-transactions-solve-it', 'zh-cn': '7-上分布式事务就解决了' } },
  },

  // ── Dead-letter queues and poison messages ─────────────────────────────────────────────────────
  {
    id: 'dlq-replay',
    topics: ['dlq', 'idempotency'],
    brokers: ['general', 'rabbitmq', 'rocketmq', 'jetstream'],
    question: {
      en: 'What do you do with messages in a dead-letter queue, and what’s the risk when you replay them?',
      'zh-cn': '死信队列里的消息怎么处理？重新投递时要注意什么？',
    },
    answer: {
      en: [
        'A DLQ is a parking lot for messages that exceeded their retry limit: a quorum queue’s delivery-limit ' +
          'with a DLX, RocketMQ’s %DLQ%<group> after 16 retries. JetStream has none: at max_deliver it stops ' +
          'and only publishes an advisory, so you park the message yourself. It is not a dedup mechanism.',
        'Alert on it, find the cause, fix it, then replay the messages into the main queue.',
        'A replay is a deliberate redelivery, so everything from the idempotency design applies.',
        'The consumer must be idempotent, and its dedup records must still exist when the replay happens.',
      ],
      'zh-cn': [
        '死信队列是超过重试上限的消息的停车场：仲裁队列的 delivery-limit 配 DLX、RocketMQ 重试 16 次后的 %DLQ%<消费者组>。' +
          'JetStream 没有死信队列：到了 max_deliver 只会停止投递、发一条 advisory，要靠你自己把消息存起来。它不是去重机制。',
        '要对它告警，查原因、修 bug，然后把消息重新投回主队列。',
        '重投是一次故意的重复投递，幂等设计里的每一条都适用。',
        '消费端必须幂等，而且重放时去重记录还得在。',
      ],
    },
    wrong: {
      en: 'Everything in the DLQ failed, so none of it was processed; after the fix, just replay it, no dedup needed.',
      'zh-cn': '死信里都是消费失败的消息，没有被处理过，修好之后直接重投就行，不用考虑去重。',
    },
    why: {
      en:
        '“Failed” means “never acked”, not “no side effects”: a handler that wrote to the database and then ' +
        'crashed or timed out on every attempt counts as failed too. Replaying without dedup repeats those effects.',
      'zh-cn': '“失败”只表示“没有 ack”，不表示“没有副作用”：每次都是写完库之后崩溃或超时的消息也算失败。不去重直接重投，这些副作用会再来一遍。',
    },
    see: { chapter: 'concepts/acknowledgements', section: { en: 'delivery-counts-and-poison-messages', 'zh-cn': '投递次数与毒消息' } },
  },
  {
    id: 'poison-message',
    topics: ['dlq'],
    brokers: ['general', 'kafka', 'jetstream'],
    question: {
      en: 'What is a poison message, and how do you stop it from hogging your consumers?',
      'zh-cn': '什么是毒消息？怎么防止它一直占着消费者？',
    },
    answer: {
      en: [
        'A message that fails every time: bad format, a code bug, data it refers to doesn’t exist. With requeue or repeated crashes it comes back forever.',
        'Bound it with a delivery count: RabbitMQ quorum queues (delivery-limit 20 since 4.0, then DLX), RocketMQ (16 retries, ' +
          'then %DLQ%<group>), Kafka share groups (delivery count limit 5, then archived). JetStream’s max_deliver ' +
          'is unlimited by default, so set it, and answer a message that can never succeed with term instead of nak.',
        'Classic Kafka consumer groups have no per-record delivery count: catch the error, ' +
          'publish the record to your own dead-letter topic, and commit past it.',
        'Separate permanent errors (reject without requeue right away) from transient ones (retry with backoff), and alert on the DLQ.',
      ],
      'zh-cn': [
        '每次处理都失败的消息：格式不对、代码 bug、引用的数据不存在。一直 requeue 或者消费者反复崩溃，它就会无休止地回来。',
        '用投递次数封顶：RabbitMQ 仲裁队列（4.0 起 delivery-limit 默认 20，然后进 DLX）、RocketMQ（重试 16 次后进 %DLQ%<消费者组>）、' +
          'Kafka 共享组（投递次数上限默认 5，之后归档）。JetStream 的 max_deliver 默认不限次数，要自己设；永远不会成功的消息回 term，别回 nak。',
        '传统 Kafka 消费者组没有按条的投递计数：捕获异常，把记录发到自己的死信 Topic，再提交位点越过它。',
        '区分永久错误（立刻 reject 且不 requeue）和临时错误（退避重试），并对死信队列告警。',
      ],
    },
    wrong: {
      en: 'Catch every exception, log it and ack the message, so a bad message never blocks the queue.',
      'zh-cn': '把所有异常都 catch 住，打个日志然后 ack，坏消息就不会堵住队列。',
    },
    why: {
      en:
        'That turns every failure, including transient ones like a database timeout, into silent loss: the broker deletes the ' +
        'message and only a log line remains. Poison handling needs bounded retries and a place to park the message, not a swallow.',
      'zh-cn':
        '这样每次失败，包括数据库超时这种临时错误，都变成了静默丢失：Broker 删掉了消息，' +
        '只剩一行日志。处理毒消息需要有上限的重试和一个存放它的地方，而不是把异常吞掉。',
    },
    see: { chapter: 'brokers/jetstream', simulator: 'poison-nak' },
  },
  {
    id: 'jetstream-nak-term-max-deliver',
    topics: ['dlq'],
    brokers: ['jetstream'],
    question: {
      en: 'In NATS JetStream, when do you nak a message, when do you term it, and what happens at max_deliver?',
      'zh-cn': 'NATS JetStream 里，什么时候回 nak，什么时候回 term？到了 max_deliver 会怎样？',
    },
    answer: {
      en: [
        'nak asks for redelivery, at once or after a delay; use it for failures that may pass ' +
          '(a timeout, a locked row), preferably with a delay or the consumer’s backoff list.',
        'term tells the server never to redeliver; use it for failures that never will (an ' +
          'invalid amount, a schema error). The server publishes a MSG_TERMINATED advisory.',
        'max_deliver caps deliveries; the default -1 means no cap, so a message naked forever ' +
          'is retried forever. At the cap the server stops and publishes a MAX_DELIVERIES advisory.',
        'JetStream has no dead-letter queue: the message stays in the stream, unacked. ' +
          'Listen to both advisories and park the message (a dead-letter stream, a table) and alert on it.',
      ],
      'zh-cn': [
        'nak 要求重投，可以立刻也可以延迟；用在可能会过去的失败上（超时、行锁），最好带延迟或者用消费者的 backoff 列表。',
        'term 告诉服务端永远别再投；用在永远不会成功的失败上（金额非法、格式错误）。服务端会发布一条 MSG_TERMINATED advisory。',
        'max_deliver 限制投递次数，默认 -1 表示不限，所以一直回 nak 的消息会被无限重试。到了上限，服务端停止投递并发布 MAX_DELIVERIES advisory。',
        'JetStream 没有死信队列：消息仍留在流里、处于未确认状态。要监听这两种 advisory，把消息存起来（死信流或一张表）并告警。',
      ],
    },
    wrong: {
      en: 'Set max_deliver and JetStream moves the message to a dead-letter queue, like RabbitMQ or RocketMQ.',
      'zh-cn': '设置 max_deliver 就行，JetStream 会像 RabbitMQ、RocketMQ 一样把消息转进死信队列。',
    },
    why: {
      en:
        'JetStream only stops delivering and publishes an advisory; nothing is moved anywhere. ' +
        'Without a listener, a message that hit max_deliver is silently never processed.',
      'zh-cn': 'JetStream 只是停止投递并发一条 advisory，消息不会被挪到任何地方。没人监听的话，达到 max_deliver 的消息就这样悄无声息地再也不会被处理。',
    },
    see: { chapter: 'brokers/jetstream', simulator: 'max-deliver-low' },
  },

  // ── Testing ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'test-idempotent-consumer',
    topics: ['testing'],
    brokers: ['general'],
    question: {
      en: 'How would you test that your consumer really doesn’t process a message twice?',
      'zh-cn': '你怎么测试消费端幂等真的有效？',
    },
    answer: {
      en: [
        'Kill the consumer between the side effect and the ack — after the DB commit, ' +
          'before basic.ack or the offset commit — restart it, and check the ledger shows one effect.',
        'Drop or delay the ack so the broker redelivers after the ack timeout.',
        'Make two consumers hold the same message at once (a short ack timeout, one consumer paused mid-processing) to exercise the concurrent path.',
        'Re-publish the same business event as a new message to simulate a producer retry, and replay after the dedup records’ retention to see what happens.',
        'Assert both invariants: no duplicate effect and no lost message.',
      ],
      'zh-cn': [
        '在业务写入和 ack 之间 kill 掉消费者：数据库提交之后、basic.ack 或提交位点之前，然后重启，核对账本上只有一次效果。',
        '丢掉或者延迟 ack，让 Broker 在 ack 超时后重投。',
        '让两个消费者同时拿到同一条消息（把 ack 超时调短、让其中一个处理到一半停住），覆盖并发路径。',
        '把同一个业务事件作为新消息再发一次，模拟生产者重发；超过去重记录的保留期之后再重放，看看会发生什么。',
        '两个不变量都要断言：没有重复效果，也没有丢消息。',
      ],
    },
    wrong: {
      en: 'Write a unit test that calls the handler twice with the same message and asserts that the second call is skipped.',
      'zh-cn': '写个单元测试，用同一条消息调两次消费方法，断言第二次被跳过就行。',
    },
    why: {
      en:
        'That only checks a sequential, happy-path duplicate. The failures live in the gaps: a crash between commit and ack, two deliveries at once, ' +
        'an expired key, a re-send with a new id. A SETNX-before-processing handler passes this test and still loses messages on a crash.',
      'zh-cn':
        '这只测了顺序执行、一切正常时的重复。真正出问题的是缝隙里：提交和 ack 之间崩溃、两次投递同时在跑、' +
        'key 过期了、重发换了新 ID。处理前 SETNX 的写法能通过这个测试，但一崩溃就丢消息。',
    },
    see: { chapter: 'concepts/acknowledgements', simulator: 'crash-after-write' },
  },
  {
    id: 'test-concurrent-redelivery',
    topics: ['testing', 'idempotency'],
    brokers: ['general', 'kafka'],
    question: {
      en: 'How do you reproduce a concurrent duplicate in a test, rather than hoping a load test hits it?',
      'zh-cn': '并发重复怎么在测试里稳定复现，而不是指望压测碰上？',
    },
    answer: {
      en: [
        'Race windows are narrow and random load rarely hits them, so force the interleaving.',
        'Shorten the ack or visibility timeout, block the first consumer right after its dedup check (a latch ' +
          'or a breakpoint), let the timeout expire so a second consumer gets the message, then release both.',
        'For Kafka, pause the first consumer past max.poll.interval.ms so its partition is reassigned, then let it finish and watch its commit fail.',
        'Assert on the ledger: exactly one effect. Check-then-insert fails this test; a unique key in the same transaction passes.',
        'Better still, a checker that explores every interleaving, which is what this site’s simulators do.',
      ],
      'zh-cn': [
        '竞态窗口很窄，随机压测很难碰上，要主动控制交错顺序。',
        '把 ack 超时或可见性超时调短，让第一个消费者在“查完消费记录表”之后卡住（用闩锁或断点），等超时让第二个消费者拿到消息，再把两个都放行。',
        'Kafka 就让第一个消费者停顿超过 max.poll.interval.ms，分区被重新分配，然后让它接着跑完，看它的提交失败。',
        '断言账本上只有一次效果。先查再插过不了这个测试，同一事务里的唯一键能通过。',
        '更彻底的是用能穷举所有交错顺序的检查器，本站的模拟器就是这么做的。',
      ],
    },
    wrong: {
      en: 'Run a load test with many messages and several consumers; if the totals match at the end, there’s no race.',
      'zh-cn': '多开几个消费者跑一轮压测，最后数据对得上，就说明没有并发问题。',
    },
    why: {
      en:
        'A race that needs a timeout to expire exactly between the check and the insert almost never ' +
        'occurs in a load test, so a green run proves little. You have to build that schedule on purpose.',
      'zh-cn': '这种竞态需要超时恰好落在“查”和“插”之间，压测里几乎碰不到，跑通了也证明不了什么。得故意构造出那种执行顺序。',
    },
    see: { chapter: 'concepts/why-duplicates-happen', simulator: 'slow-consumer-race' },
  },

  // — Not losing messages / ordering (chapters A) —
  {
    id: 'message-loss-three-places',
    topics: ['guarantees', 'producer'],
    brokers: ['general'],
    question: {
      en: 'How do you make sure a message is never lost, from the producer to the consumer?',
      'zh-cn': '怎么保证消息从生产者到消费者全程不丢？',
    },
    answer: {
      en: [
        'A message can be lost in three places, and each needs its own fix.',
        'Producer to broker: wait for the broker’s confirm (Kafka acks=all, RabbitMQ publisher confirms, ' +
          'RocketMQ SEND_OK, the JetStream PubAck) and retry until it comes; handle the send that finally fails.',
        'Inside the broker: have it confirm only once the message is safe, on disk or on enough ' +
          'replicas (min.insync.replicas, quorum queues, SYNC_FLUSH / SYNC_MASTER, stream replicas).',
        'Broker to consumer: manual ack or offset commit after the work, never before.',
        'Every one of these retries when in doubt, so the consumer must be idempotent.',
      ],
      'zh-cn': [
        '消息会在三个地方丢，每一处各有办法。',
        '生产者到 Broker：等 Broker 的确认（Kafka acks=all、RabbitMQ 发布确认、' +
          'RocketMQ 的 SEND_OK、JetStream 的 PubAck），没等到就重试；最终失败的发送要处理。',
        'Broker 内部：让它在消息安全之后才确认，也就是落盘或足够多的副本拿到（min.insync.replicas、仲裁队列、SYNC_FLUSH / SYNC_MASTER、流的多副本）。',
        'Broker 到消费者：处理完再手动 ack 或提交位点，绝不提前。',
        '这些手段拿不准时都会重试，所以消费者必须幂等。',
      ],
    },
    wrong: {
      en: 'Turn on persistence in the broker; then nothing is ever lost.',
      'zh-cn': '把 Broker 的持久化打开，消息就不会丢了。',
    },
    why: {
      en:
        'Persistence only covers the middle: a send nobody retries is lost before the broker has it, auto-ack loses it after, ' +
        'and a broker that confirms before flushing or replicating can still lose a confirmed message in a crash.',
      'zh-cn':
        '持久化只管中间那一段：没人重试的发送在到 Broker 之前就丢了，自动 ack 会在之后丢；先确认、后刷盘或后复制的 Broker，宕机时照样会丢掉已确认的消息。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'three-places-a-message-can-disappear', 'zh-cn': '消息会在三个地方丢' } },
  },
  {
    id: 'kafka-acks-all-min-insync',
    topics: ['producer'],
    brokers: ['kafka'],
    question: {
      en: 'Is acks=all enough to make sure Kafka never loses an acknowledged message?',
      'zh-cn': 'Kafka 设置了 acks=all，就能保证已确认的消息不丢吗？',
    },
    answer: {
      en: [
        'acks=all means every replica currently in the in-sync set has the record, and the in-sync set can shrink to the leader alone.',
        'min.insync.replicas defaults to 1, so then the leader confirms by itself. ' +
          'With replication factor 3, set it to 2: writes are refused with NotEnoughReplicas instead.',
        'Keep unclean.leader.election.enable at its default, false, so a replica that missed writes can’t become leader.',
        'acks=all has been the producer default since 3.0, with enable.idempotence=true; acks=1 confirms ' +
          'once the leader has it and loses the record if the leader dies before followers copy it.',
      ],
      'zh-cn': [
        'acks=all 的意思是“当前同步副本集合（ISR）里的每个副本都拿到了”，而 ISR 可能缩到只剩 Leader 自己。',
        'min.insync.replicas 默认是 1，这时 Leader 一个人就能确认。三副本时设成 2：副本不够就直接以 NotEnoughReplicas 拒绝写入。',
        'unclean.leader.election.enable 保持默认的 false，漏了写入的副本就当不了 Leader。',
        '3.0 起生产者默认 acks=all、enable.idempotence=true；acks=1 是 Leader 写完就确认，Follower 复制之前 Leader 挂了，这条记录就没了。',
      ],
    },
    wrong: {
      en: 'Yes: acks=all waits for all replicas, so an acknowledged message is on every broker.',
      'zh-cn': '能，acks=all 会等所有副本都写完，确认了的消息每台 Broker 上都有。',
    },
    why: {
      en: '“All” is all in-sync replicas, not all replicas; with min.insync.replicas=1 that can be one machine.',
      'zh-cn': '“all”指的是所有同步副本，不是所有副本；min.insync.replicas=1 时，这可能只是一台机器。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'kafka', 'zh-cn': 'kafka' } },
  },
  {
    id: 'kafka-send-callback-ignored',
    topics: ['producer'],
    brokers: ['kafka'],
    question: {
      en: 'A Kafka producer calls send() and never looks at the result. What can go wrong?',
      'zh-cn': 'Kafka 生产者调用 send() 之后从不看结果，会出什么问题？',
    },
    answer: {
      en: [
        'send() is asynchronous: it returns a Future and takes a callback, and that is the only place a failure shows up.',
        'The client retries on its own (retries defaults to 2147483647) until delivery.timeout.ms, 120000 ms by default, ' +
          'runs out; then it reports the failure and the record is gone unless the application handles it.',
        'Handle it: log and alert, keep the record for a later re-send, or write messages through an outbox so the database holds them until they are sent.',
        'A re-send after a failure may store a second copy (the first may have been written), so the consumer dedupes by business key.',
      ],
      'zh-cn': [
        'send() 是异步的：返回一个 Future，也可以传回调，发送失败只会在那里体现。',
        '客户端自己会重试（retries 默认 2147483647），直到 delivery.timeout.ms（默认 120000 毫秒）用完；然后报告失败，应用不处理的话这条记录就没了。',
        '要处理它：记日志并告警，把记录留下来以后补发，或者通过事务发件箱发消息，发出去之前数据库里一直有它。',
        '失败后的补发可能存下第二份（第一份也许其实写进去了），所以消费者要按业务键去重。',
      ],
    },
    wrong: {
      en: 'Nothing: with acks=all and retries the producer guarantees delivery.',
      'zh-cn': '没问题，有 acks=all 和重试，生产者保证送达。',
    },
    why: {
      en:
        'Retries are bounded by delivery.timeout.ms; when the broker is unreachable ' +
        'longer than that, the send fails, and only the callback or the Future says so.',
      'zh-cn': '重试受 delivery.timeout.ms 限制；Broker 不可用的时间超过它，发送就失败了，而只有回调或 Future 会告诉你。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'kafka', 'zh-cn': 'kafka' } },
  },
  {
    id: 'rabbitmq-durable-publishing',
    topics: ['producer'],
    brokers: ['rabbitmq'],
    question: {
      en: 'What do you need in RabbitMQ so that a published message survives a broker crash?',
      'zh-cn': 'RabbitMQ 里要做哪些事，发布的消息才能扛住 Broker 宕机？',
    },
    answer: {
      en: [
        'Publisher confirms on the channel (confirm.select), and republish whatever is not confirmed.',
        'A queue that keeps it: a quorum queue (always durable and replicated, confirmed once a majority of replicas has ' +
          'the message), or a durable classic queue with persistent messages (delivery_mode=2), confirmed once written to disk.',
        'The mandatory flag, so a message that matches no queue comes back (basic.return) instead of being confirmed and dropped.',
        'Manual acks on the consumer side, after the work.',
      ],
      'zh-cn': [
        '信道开启发布确认（confirm.select），没被确认的消息重发。',
        '一个能留住消息的队列：仲裁队列（总是持久化、多副本，多数副本拿到后才确认），或者持久化的经典队列加持久化消息（delivery_mode=2），写到磁盘后才确认。',
        '发布时带 mandatory，路由不到任何队列的消息会经 basic.return 退回来，而不是被确认后丢掉。',
        '消费端处理完再手动 ack。',
      ],
    },
    wrong: {
      en: 'Declare the queue durable; then its messages survive a restart.',
      'zh-cn': '把队列声明成持久化的，里面的消息重启后就还在。',
    },
    why: {
      en:
        'A durable queue survives, but transient messages in it don’t; without ' +
        'confirms the publisher never knows whether the broker took the message at all.',
      'zh-cn': '持久化队列本身会保留，但里面的非持久化消息不会；没有发布确认，生产者根本不知道 Broker 收没收下消息。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'rabbitmq', 'zh-cn': 'rabbitmq' } },
  },
  {
    id: 'rabbitmq-unroutable-confirmed',
    topics: ['producer'],
    brokers: ['rabbitmq'],
    question: {
      en: 'A RabbitMQ publisher got a confirm for a message that no consumer ever saw. How is that possible?',
      'zh-cn': 'RabbitMQ 生产者收到了一条消息的发布确认，可没有任何消费者见过它。这怎么可能？',
    },
    answer: {
      en: [
        'The exchange routed it to no queue (a wrong routing key, a missing binding). An unroutable message is confirmed at once and dropped.',
        'Publish with mandatory=true: the broker returns it with basic.return, and the publisher can log it or send it elsewhere.',
        'Or, on a message that was routed: it was transient, or its queue non-durable, and the broker restarted before anyone consumed it.',
        'A confirm means the broker took responsibility as configured, not that a consumer processed it.',
      ],
      'zh-cn': [
        '交换机没把它路由到任何队列（routing key 写错、绑定缺失）。路由不到的消息会立刻被确认，然后丢弃。',
        '发布时设 mandatory=true：Broker 用 basic.return 把它退回，生产者可以记录下来或者另行处理。',
        '或者消息路由到了队列，但它是非持久化消息、或者队列不是持久化的，Broker 在被消费之前重启了。',
        '发布确认表示 Broker 按配置接手了这条消息，不表示有消费者处理过它。',
      ],
    },
    wrong: {
      en: 'The confirm means the message is in a queue, so a consumer must have received and lost it.',
      'zh-cn': '收到确认就说明消息已经进了队列，一定是消费者拿到后弄丢了。',
    },
    why: {
      en: 'For an unroutable message the confirm comes without any queue having it; only mandatory makes RabbitMQ hand it back.',
      'zh-cn': '路由不到的消息，确认照发，却没有任何队列存着它；只有 mandatory 才会让 RabbitMQ 把它退回来。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'rabbitmq', 'zh-cn': 'rabbitmq' } },
  },
  {
    id: 'rocketmq-send-ok-lost',
    topics: ['producer'],
    brokers: ['rocketmq'],
    question: {
      en: 'RocketMQ returned SEND_OK. Can the message still be lost?',
      'zh-cn': 'RocketMQ 已经返回了 SEND_OK，消息还可能丢吗？',
    },
    answer: {
      en: [
        'Yes, with the defaults. flushDiskType defaults to ASYNC_FLUSH: SEND_OK goes back once the ' +
          'message is in memory, and the commit log is flushed every 500 ms (flushIntervalCommitLog).',
        'brokerRole defaults to ASYNC_MASTER: the slave copies the message afterwards.',
        'A machine that loses power inside that window takes confirmed messages with it; the producer won’t resend, because it has its SEND_OK.',
        'SYNC_FLUSH answers after the flush, SYNC_MASTER after a slave has it: slower, and safe against that crash.',
      ],
      'zh-cn': [
        '默认配置下可能。flushDiskType 默认是 ASYNC_FLUSH：消息进了内存就回 SEND_OK，CommitLog 每 500 毫秒刷一次盘（flushIntervalCommitLog）。',
        'brokerRole 默认是 ASYNC_MASTER：从节点事后再复制。',
        '机器恰好在这个窗口里断电，已确认的消息就跟着没了；生产者手里有 SEND_OK，不会重发。',
        'SYNC_FLUSH 刷完盘才响应，SYNC_MASTER 等从节点拿到才响应：更慢，但能扛住这种宕机。',
      ],
    },
    wrong: {
      en: 'No: SEND_OK means the broker has stored the message.',
      'zh-cn': '不会，SEND_OK 就表示 Broker 已经存好了。',
    },
    why: {
      en: 'With asynchronous flush and replication, “stored” means in the page cache of one machine, which a power loss erases.',
      'zh-cn': '异步刷盘、异步复制时，“存好了”只是进了一台机器的页缓存，断电就没了。',
    },
    see: { chapter: 'concepts/not-losing-messages', simulator: 'async-flush' },
  },
  {
    id: 'rocketmq-flush-timeout-status',
    topics: ['producer'],
    brokers: ['rocketmq'],
    question: {
      en: 'A RocketMQ sync send with SYNC_FLUSH returns FLUSH_DISK_TIMEOUT. Was the message sent, and what do you do?',
      'zh-cn': '开了 SYNC_FLUSH 的 RocketMQ 同步发送返回 FLUSH_DISK_TIMEOUT。消息发出去了吗？该怎么办？',
    },
    answer: {
      en: [
        'It is on the master, just not flushed within the broker’s timeout (syncFlushTimeout, 5 s by default). ' +
          'FLUSH_SLAVE_TIMEOUT and SLAVE_NOT_AVAILABLE say the same about the slave copy under SYNC_MASTER.',
        'The client returns that status without retrying (retryAnotherBrokerWhenNotStoreOK is false by default), so the application decides. ' +
          'If you need that durability, send again; but the first copy usually survives, so the consumer will see two messages.',
        'The re-send gets a new msgId, so the consumer dedupes by a business key set as the message keys, not by msgId.',
      ],
      'zh-cn': [
        '消息已经在主节点上了，只是没在 Broker 的超时时间（syncFlushTimeout，默认 5 秒）内刷完盘。' +
          'SYNC_MASTER 下的 FLUSH_SLAVE_TIMEOUT、SLAVE_NOT_AVAILABLE 说的是从节点那份副本，意思一样。',
        '客户端拿到这种状态不会自己重试（retryAnotherBrokerWhenNotStoreOK 默认 false），' +
          '由应用决定。要保证这份可靠性就再发一次；但第一份通常还在，消费者会看到两条。',
        '重发的消息有新的 msgId，所以消费者要按设置在 keys 里的业务键去重，而不是按 msgId。',
      ],
    },
    wrong: {
      en: 'The send failed, so the message isn’t there; resending is safe.',
      'zh-cn': '发送失败了，消息不在 Broker 上，重发一次很安全。',
    },
    why: {
      en: 'The status reports weaker durability than requested, not absence; a resend stores a second message.',
      'zh-cn': '这个状态说的是可靠性没达到要求，不是消息不存在；重发会存下第二条。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'rocketmq', 'zh-cn': 'rocketmq' } },
  },
  {
    id: 'jetstream-puback-durability',
    topics: ['producer'],
    brokers: ['jetstream'],
    question: {
      en: 'Does a JetStream PubAck mean the message is safely on disk?',
      'zh-cn': 'JetStream 回了 PubAck，是不是说明消息已经安全落盘？',
    },
    answer: {
      en: [
        'It means the stream stored it. A stream has one replica by default, and the server fsyncs every 2 minutes ' +
          '(sync_interval), so an OS crash or power loss can lose acknowledged messages on a single-replica stream.',
        'With 3 replicas the PubAck waits for a majority, so losing one machine loses nothing.',
        'sync_interval: always fsyncs every write, at a cost in throughput.',
        'Retrying after a lost PubAck with the same Nats-Msg-Id lets the stream drop the copy within duplicate_window (2 min by default).',
      ],
      'zh-cn': [
        '它表示流已经存下了消息。流默认只有一个副本，服务端每 2 分钟 fsync 一次（sync_interval），' +
          '所以单副本的流遇到操作系统崩溃或断电，可能丢掉已回过 PubAck 的消息。',
        '三副本时 PubAck 要等多数副本存下，坏一台机器不会丢。',
        'sync_interval: always 每次写入都 fsync，代价是吞吐量。',
        'PubAck 丢了就用同一个 Nats-Msg-Id 重试，流会在 duplicate_window（默认 2 分钟）内把重复的那份去掉。',
      ],
    },
    wrong: {
      en: 'Yes: JetStream is persistent, so a PubAck means the message is on disk.',
      'zh-cn': '是的，JetStream 是持久化的，回了 PubAck 就说明在磁盘上了。',
    },
    why: {
      en:
        'File storage writes through the OS page cache and forces it to disk only ' +
        'every sync_interval; durability against a machine crash comes from replicas.',
      'zh-cn': '文件存储写的是操作系统页缓存，每隔 sync_interval 才强制刷到磁盘；扛住整机宕机靠的是多副本。',
    },
    see: { chapter: 'concepts/not-losing-messages', section: { en: 'nats-jetstream', 'zh-cn': 'nats-jetstream' } },
  },
  {
    id: 'durability-causes-duplicates',
    topics: ['producer', 'guarantees'],
    brokers: ['general'],
    question: {
      en: 'You made the broker flush before confirming and the producer retry. Why do you now see more duplicates?',
      'zh-cn': '你让 Broker 先刷盘再确认，生产者也加了重试。为什么重复反而更多了？',
    },
    answer: {
      en: [
        'A confirm that never arrives looks exactly like a message that never arrived, so a producer that must not lose anything sends again.',
        'If the broker had stored the first copy (and with a flush before the confirm it keeps it through a crash), it now holds two.',
        'A durable broker also keeps unacked deliveries through a crash and hands them out again after the restart.',
        'So the fix for loss and the fix for duplicates come together: durable broker, ' +
          'retrying producer, idempotent consumer (a dedup row in the same transaction).',
      ],
      'zh-cn': [
        '确认没回来，和消息没送到，在生产者看来一模一样，所以不能丢消息的生产者只能重发。',
        '如果 Broker 其实已经存下第一份（先刷盘再确认时，宕机后它也还在），现在就有两份。',
        '可靠的 Broker 还会在宕机后保住未确认的投递，重启后再投一次。',
        '所以防丢和防重要一起做：可靠的 Broker、会重试的生产者、幂等的消费者（在同一个事务里写消费记录）。',
      ],
    },
    wrong: {
      en: 'Durable settings and retries make delivery exactly-once.',
      'zh-cn': '持久化加重试，就能做到精确一次投递。',
    },
    why: {
      en: 'They make delivery at-least-once: every loss they prevent is prevented by sending again, and a second send is a second copy.',
      'zh-cn': '它们做到的是至少一次：防住的每一次丢失，靠的都是再发一次，而再发一次就是多一份。',
    },
    see: { chapter: 'concepts/not-losing-messages', simulator: 'sync-flush' },
  },
  {
    id: 'broker-crash-unacked-redelivered',
    topics: ['acks', 'guarantees'],
    brokers: ['general', 'rabbitmq'],
    question: {
      en: 'The broker crashes and comes back while a consumer is halfway through a message. What happens to that message?',
      'zh-cn': '消费者处理一条消息到一半时，Broker 宕机又恢复了。这条消息会怎样？',
    },
    answer: {
      en: [
        'If the broker kept it (durable and flushed or replicated), it was unacked, ' +
          'so it goes back to the queue and is delivered again, flagged as redelivered.',
        'The consumer may still finish its first attempt: its ack is for a connection that no longer exists and is ignored, so the work happens twice.',
        'If the broker had confirmed it but not yet flushed it, it may be gone altogether.',
        'Either way the consumer needs an idempotent write; the first case is a duplicate, the second a loss that only producer-side durability prevents.',
      ],
      'zh-cn': [
        '如果 Broker 留住了它（持久化，并且已经刷盘或复制），它就是一条未确认的投递，会回到队列再投一次，带着重投标记。',
        '消费者可能还会把第一次处理做完：它的 ack 属于一个已经不存在的连接，会被忽略，于是这件事做了两次。',
        '如果 Broker 只是回了确认、还没刷盘，这条消息可能就彻底没了。',
        '无论哪种，消费者都要幂等写入；前一种是重复，后一种是丢失，只能靠 Broker 和生产者端的可靠性来防。',
      ],
    },
    wrong: {
      en: 'Nothing: the consumer already has it, so it will finish and ack it as usual.',
      'zh-cn': '没影响，消息已经在消费者手里了，处理完照常 ack 就行。',
    },
    why: {
      en: 'The ack travels on the connection the crash closed; the restarted broker requeues every unacked delivery it kept.',
      'zh-cn': 'ack 要走的那个连接已经随宕机断了；重启后的 Broker 会把它保住的每一条未确认投递重新入队。',
    },
    see: { chapter: 'concepts/not-losing-messages', simulator: 'sync-flush' },
  },
  {
    id: 'kafka-keep-order-by-key',
    topics: ['ordering'],
    brokers: ['kafka'],
    question: {
      en: 'How do you keep all events of one order in order on Kafka?',
      'zh-cn': '在 Kafka 上怎么保证同一笔订单的所有事件按顺序处理？',
    },
    answer: {
      en: [
        'Use the order id as the record key: the default partitioner hashes the key, ' +
          'so all of an order’s events go to one partition, and Kafka keeps order within a partition.',
        'A consumer group gives each partition to one member; process its records in order, not on an unordered thread pool (or fan out per key).',
        'On the producer, keep enable.idempotence=true (the default since 3.0, with at most 5 requests in flight): ' +
          'retries then keep order. With idempotence off and more than one request in flight, a retried batch can land after a later one.',
        'Retries and DLQ replays on the consumer side can still reorder, so state writes carry a version check.',
      ],
      'zh-cn': [
        '用订单号做记录的 key：默认分区器对 key 做哈希，同一笔订单的事件都进同一个分区，而 Kafka 在分区内保序。',
        '消费者组把每个分区只分给一个成员；按顺序处理分区里的记录，别丢进不保序的线程池（或者按 key 分发）。',
        '生产者保持 enable.idempotence=true（3.0 起默认，在途请求最多 5 个），' +
          '这样重试不会打乱顺序。关掉幂等、在途请求又不止一个时，重试的那批可能落在后一批之后。',
        '消费端的重试和死信重放仍可能打乱顺序，所以写状态时要带版本号检查。',
      ],
    },
    wrong: {
      en: 'Kafka topics are ordered, so consumers always see events in the order they were sent.',
      'zh-cn': 'Kafka 的 Topic 本身是有序的，消费者看到的总是发送顺序。',
    },
    why: {
      en:
        'Kafka orders records only within a partition; events of one order spread over ' +
        'partitions (no key, or a changed partition count) have no order between them.',
      'zh-cn': 'Kafka 只在分区内保序；同一笔订单的事件一旦分散到多个分区（没设 key，或者分区数变了），彼此之间就没有顺序可言。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'where-order-exists-at-all', 'zh-cn': '顺序只在哪里存在' } },
  },
  {
    id: 'rocketmq-ordered-messages',
    topics: ['ordering'],
    brokers: ['rocketmq'],
    question: {
      en: 'How do you send and consume ordered messages in RocketMQ, and what happens when one fails?',
      'zh-cn': 'RocketMQ 的顺序消息怎么发、怎么消费？其中一条失败了会怎样？',
    },
    answer: {
      en: [
        'Send with a MessageQueueSelector that picks the queue from the order id, ' +
          'from one producer, serially; in 5.x, a FIFO topic with the order id as the message group.',
        'Consume with MessageListenerOrderly: one thread per queue, and the queue locked on the broker.',
        'A failure returns SUSPEND_CURRENT_QUEUE_A_MOMENT: the queue pauses (suspendCurrentQueueTimeMillis, 1 s) and the same message is retried in place.',
        'In 4.x orderly mode the default maxReconsumeTimes (-1) means Integer.MAX_VALUE retries, ' +
          'so a poison message blocks its queue; set a limit and it goes to %DLQ%, out of order.',
      ],
      'zh-cn': [
        '发送时用 MessageQueueSelector 按订单号选队列，单个生产者、串行发送；5.x 用 FIFO 类型的 Topic，以订单号作为消息组。',
        '消费用 MessageListenerOrderly：每个队列一个线程，并在 Broker 上锁住队列。',
        '失败时返回 SUSPEND_CURRENT_QUEUE_A_MOMENT：队列暂停（suspendCurrentQueueTimeMillis，1 秒），原地重试同一条。',
        '4.x 顺序消费时 maxReconsumeTimes 默认 -1，意味着重试 Integer.MAX_VALUE 次，毒消息会一直堵住队列；设了上限，它就进 %DLQ%，顺序也就没了。',
      ],
    },
    wrong: {
      en: 'Failed ordered messages go to the retry topic like any other and come back later.',
      'zh-cn': '顺序消息失败了，和普通消息一样进重试队列，过一会儿再回来。',
    },
    why: {
      en:
        'Sending it to %RETRY% would let the next message pass it; orderly consumption ' +
        'retries in place precisely to keep order, and blocks the queue instead.',
      'zh-cn': '进 %RETRY% 就会让后面的消息超过它；顺序消费正是为了保序才原地重试，代价是堵住队列。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', simulator: 'orderly-poison' },
  },
  {
    id: 'rabbitmq-ordering-consumers',
    topics: ['ordering'],
    brokers: ['rabbitmq'],
    question: {
      en: 'A RabbitMQ queue is FIFO. Why do your consumers still process its messages out of order, and how do you fix it?',
      'zh-cn': 'RabbitMQ 的队列是先进先出的，为什么消费者处理时还是会乱序？怎么解决？',
    },
    answer: {
      en: [
        'Several consumers on one queue work in parallel, so the second message can finish before the first.',
        'A nack with requeue, a crash or a closed channel returns a message to the queue while ' +
          'later ones are already in someone’s hands (with prefetch above 1, even the same consumer’s).',
        'For strict order: a single active consumer (x-single-active-consumer: one consumer reads, the others ' +
          'wait to take over), prefetch 1, and one queue per ordering scope if you need parallelism across keys.',
        'Retries still reorder, so state writes check a version.',
      ],
      'zh-cn': [
        '一个队列上挂着多个消费者，它们并行处理，第二条可能先于第一条做完。',
        '带 requeue 的 nack、崩溃或信道关闭会把消息退回队列，而后面的消息已经在某个消费者手里（预取数大于 1 时，甚至就在同一个消费者手里）。',
        '要严格保序：单一活跃消费者（x-single-active-consumer：只有一个消费者在读，其余的等着接替）、预取数 1；需要跨 key 并行时，每个保序范围用一个队列。',
        '重试照样会打乱顺序，所以写状态要检查版本号。',
      ],
    },
    wrong: {
      en: 'The queue is FIFO, so as long as the producer publishes in order, consumers process in order.',
      'zh-cn': '队列是先进先出的，只要生产者按顺序发，消费者就按顺序处理。',
    },
    why: {
      en: 'FIFO describes the order deliveries leave the queue, not the order parallel consumers finish them or the order redeliveries come back.',
      'zh-cn': '先进先出说的是投递离开队列的顺序，不管多个消费者谁先处理完，也不管重投的消息何时回来。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'where-order-exists-at-all', 'zh-cn': '顺序只在哪里存在' } },
  },
  {
    id: 'jetstream-consumer-order',
    topics: ['ordering'],
    brokers: ['jetstream'],
    question: {
      en: 'Does a JetStream consumer process a stream’s messages in order?',
      'zh-cn': 'JetStream 的消费者会按流里的顺序处理消息吗？',
    },
    answer: {
      en: [
        'It delivers in stream order, but up to max_ack_pending messages (1000 by default) can be in flight at once.',
        'A message that is nak’d (with or without a delay) or whose ack_wait runs out comes back after later ones have been processed.',
        'For strict order set max_ack_pending to 1: the next message comes only after this one is acked.',
        'That also means a failing message holds up everything behind it, so bound it with max_deliver or term.',
      ],
      'zh-cn': [
        '它按流的顺序投递，但同时在途的消息最多可以有 max_ack_pending 条（默认 1000）。',
        '被 nak 的消息（带不带延迟都一样）、或者 ack_wait 到期的消息，回来时后面的消息已经处理完了。',
        '要严格保序就把 max_ack_pending 设成 1：这一条 ack 之后才给下一条。',
        '这也意味着一条失败的消息会卡住后面所有消息，所以要用 max_deliver 或 term 给它设个头。',
      ],
    },
    wrong: {
      en: 'Yes: streams are ordered, so consumers always see messages in order.',
      'zh-cn': '会，流是有序的，消费者看到的总是有序的。',
    },
    why: {
      en: 'The stream is ordered; processing is not, as soon as more than one message is in flight and one of them is redelivered.',
      'zh-cn': '流是有序的；但只要在途的消息不止一条、其中一条又被重投，处理顺序就乱了。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'where-order-exists-at-all', 'zh-cn': '顺序只在哪里存在' } },
  },
  {
    id: 'retries-break-order',
    topics: ['ordering', 'dlq'],
    brokers: ['general', 'rocketmq', 'jetstream'],
    question: {
      en: 'A message in an ordered flow keeps failing. What are your options, and what does each cost?',
      'zh-cn': '一条需要保序的消息一直处理失败，你有哪些选择？各自的代价是什么？',
    },
    answer: {
      en: [
        'Retry later and let the others pass (a nak with a delay, a retry topic): the flow keeps moving, and the failed message comes back out of order.',
        'Retry in place (RocketMQ orderly consumption): order holds, and the queue behind it stops; with the 4.x default that is practically forever.',
        'Bound the retries and park it in a dead-letter queue: the queue moves on, and a later replay arrives after newer messages.',
        'Decide per business flow which one is acceptable, alert on the parked message, and protect state writes with a version check.',
      ],
      'zh-cn': [
        '稍后重试、让别的先过（带延迟的 nak、重试主题）：流程不停，失败的那条回来时已经乱序。',
        '原地重试（RocketMQ 顺序消费）：顺序保住了，后面的队列全停；4.x 默认配置下几乎是永远停住。',
        '给重试设上限，放进死信队列：队列继续往下走，以后重放时它排在更新的消息之后。',
        '每个业务流程各自决定能接受哪一种，对搁置的消息告警，写状态时用版本号保护。',
      ],
    },
    wrong: {
      en: 'Just retry it until it succeeds; the order is kept because it is the same message.',
      'zh-cn': '一直重试直到成功就行，反正是同一条消息，顺序不会变。',
    },
    why: {
      en:
        'Retrying in place blocks everything behind it, and retrying later lets newer ' +
        'messages overtake it; there is no option that keeps both order and progress.',
      'zh-cn': '原地重试会堵住后面所有消息，稍后重试又会让新消息超过它；没有哪种做法能同时保住顺序和进度。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', simulator: 'orderly-bounded' },
  },
  {
    id: 'older-event-passes-inbox',
    topics: ['ordering', 'idempotency'],
    brokers: ['general'],
    question: {
      en: 'An older “address changed” event arrives after a newer one, for the first time. Your inbox table let it through. Why, and what stops it?',
      'zh-cn': '一条旧的“修改地址”事件在新的之后才第一次到达，消费记录表把它放过去了。为什么？怎么拦住？',
    },
    answer: {
      en: [
        'An inbox answers “have I processed this message?”. The older event never succeeded before (it failed and went to a retry topic), so the answer is no.',
        'What it needs is “is this older than what I have?”: a version from the producer, ' +
          'checked in the write: UPDATE … SET address = ?, version = ? WHERE id = ? AND version < ?.',
        'The version comes from the producer’s data (the row’s version, written with the event ' +
          'through an outbox), not from a broker offset or message id, which change on a re-send.',
        'For set-to-value events the check also makes duplicates harmless; ' +
          'for increments keep the inbox for “once” and require version = v - 1 for “in order”.',
      ],
      'zh-cn': [
        '消费记录表回答的是“这条消息处理过没有”。旧事件之前从没成功过（失败后进了重试主题），所以答案是没有。',
        '这里需要回答的是“它是不是比我手上的旧”：由生产者带上版本号，在写入时检查：UPDATE … SET address = ?, version = ? WHERE id = ? AND version < ?。',
        '版本号来自生产者的数据（那一行的 version，通过事务发件箱和事件一起写出），不能用 Broker 的位点或消息 ID，重发一次它们就变了。',
        '对“设置为某值”的事件，这个检查顺带让重复无害；对增量事件，仍用消费记录表保证“只做一次”，再要求 version = v - 1 保证“按顺序”。',
      ],
    },
    wrong: {
      en: 'The inbox table makes the consumer idempotent, so no message can change the state wrongly.',
      'zh-cn': '有消费记录表，消费者就是幂等的，任何消息都不会把状态改错。',
    },
    why: {
      en: 'Idempotency stops the same message twice; it says nothing about a different, older message arriving late.',
      'zh-cn': '幂等防的是同一条消息来两次；对一条不同的、迟到的旧消息，它无能为力。',
    },
    see: {
      chapter: 'concepts/ordering-backlog-retries',
      section: { en: 'a-late-older-message-why-a-seen-set-is-not-enough', 'zh-cn': '迟到的旧消息为什么已处理集合不够' },
    },
  },
  {
    id: 'backlog-more-consumers',
    topics: ['ordering'],
    brokers: ['kafka', 'rocketmq'],
    question: {
      en: 'Consumer lag on a Kafka topic keeps growing. Will doubling the consumers fix it?',
      'zh-cn': 'Kafka 某个 Topic 的消费 lag 一直在涨，把消费者翻一倍能解决吗？',
    },
    answer: {
      en: [
        'Only if consumers are the bottleneck, and only up to the partition count: each partition goes ' +
          'to one member of the group, so extra members sit idle. RocketMQ divides queues the same way.',
        'First find the cause: a message that blocks its partition (a poison message, retried in place), ' +
          'a slow downstream (more consumers make it slower), or simply too few consumers.',
        'Adding partitions raises the ceiling but changes which partition a key hashes to from then on, so per-key order breaks during the switch.',
        'Measure lag per partition (kafka-consumer-groups.sh --describe): one hot or stuck partition looks very different from lag everywhere.',
      ],
      'zh-cn': [
        '只有在消费者是瓶颈时才有用，而且最多到分区数：每个分区只分给组里一个成员，多出来的消费者闲着。RocketMQ 按队列分配，也一样。',
        '先找原因：某条消息堵住了分区（毒消息原地重试），下游变慢（加消费者只会更慢），还是消费者确实不够。',
        '加分区能提高上限，但从此同一个 key 哈希到的分区变了，切换期间按 key 的顺序会断。',
        '按分区看 lag（kafka-consumer-groups.sh --describe）：一个分区卡住或过热，和所有分区普遍落后，是完全不同的问题。',
      ],
    },
    wrong: {
      en: 'Yes: twice the consumers, twice the throughput.',
      'zh-cn': '能，消费者翻倍，吞吐量就翻倍。',
    },
    why: {
      en: 'Consumers beyond the partition count get no partition, and a blocked partition or a slow downstream doesn’t get faster with more readers.',
      'zh-cn': '超过分区数的消费者分不到分区；分区被堵住或者下游慢，加再多消费者也快不起来。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'backlog-what-to-do-when-the-queue-grows', 'zh-cn': '消息积压了怎么办' } },
  },
  {
    id: 'backlog-emergency',
    topics: ['ordering'],
    brokers: ['general', 'kafka'],
    question: {
      en: 'Millions of messages have backed up overnight. What do you do right now?',
      'zh-cn': '一夜之间积压了几百万条消息，你现在怎么处理？',
    },
    answer: {
      en: [
        'Find and fix the cause first: a stuck message, a failing or slow downstream, a bug; scaling a broken consumer only moves the failure.',
        'Scale consumers up to the partition or queue count.',
        'If that is not enough: a forwarder re-publishes the backlog unchanged, with the same keys, to a temporary topic with many more partitions, ' +
          'and many consumers drain it; one forwarder thread per source partition keeps per-key order. Switch back when it is empty.',
        'Degrade: skip or defer non-essential work, batch writes, and drop messages that are useless once stale, as a written business decision.',
        'Expect duplicates from every step (the forwarder is at-least-once too), so the consumers must be idempotent.',
      ],
      'zh-cn': [
        '先找到并修好原因：卡住的消息、出错或变慢的下游、代码 bug；消费者本身有问题时扩容只是把故障挪个地方。',
        '把消费者扩到分区数（队列数）。',
        '还不够的话：写一个转发程序，把积压的消息原样、带着原来的 key 转发到一个分区多得多的临时 Topic，' +
          '再开大量消费者去消化；每个源分区一个转发线程，保住按 key 的顺序。消化完再切回来。',
        '降级：跳过或推迟非核心处理，批量写库；过时就没用的消息可以丢弃，但这必须是写下来的业务决定。',
        '每一步都可能带来重复（转发程序本身也是至少一次），所以消费者必须幂等。',
      ],
    },
    wrong: {
      en: 'Add more consumer instances until the lag goes down.',
      'zh-cn': '多加几台消费者实例，直到 lag 降下来。',
    },
    why: {
      en: 'Past the partition count extra consumers are idle, and if the cause is a blocked queue or a slow downstream they change nothing or make it worse.',
      'zh-cn': '超过分区数，多加的消费者只是闲着；如果原因是队列被堵或下游变慢，加消费者毫无帮助，甚至更糟。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'backlog-what-to-do-when-the-queue-grows', 'zh-cn': '消息积压了怎么办' } },
  },
  {
    id: 'rabbitmq-delayed-retry',
    topics: ['dlq'],
    brokers: ['rabbitmq'],
    question: {
      en: 'How do you retry a failed RabbitMQ message after 30 seconds instead of at once?',
      'zh-cn': 'RabbitMQ 里怎么让处理失败的消息 30 秒后再重试，而不是马上重试？',
    },
    answer: {
      en: [
        'Publish it to a retry queue with x-message-ttl = 30000 and x-dead-letter-exchange pointing back at the ' +
          'work exchange, and ack the original; when the TTL runs out the message is dead-lettered back to work.',
        'Use one retry queue per delay: expired messages are only removed at the head ' +
          'of the queue, so a long per-message TTL in front holds back shorter ones.',
        'Count attempts (a header you set, or x-death) and park the message in a real dead-letter queue after the limit.',
        'The retry is a redelivery by design: the consumer must be idempotent, and the message now comes after newer ones.',
      ],
      'zh-cn': [
        '把它发到一个重试队列，x-message-ttl = 30000，x-dead-letter-exchange 指回业务交换机，然后 ack 原消息；TTL 到期后，消息作为死信回到业务队列。',
        '每种延迟用一个重试队列：过期消息只有到了队头才会被移走，前面一条 TTL 长的消息会挡住后面 TTL 短的。',
        '记录重试次数（自己设的 header，或者 x-death），超过上限就放进真正的死信队列。',
        '这种重试本质上就是有意安排的重投：消费者必须幂等，而且消息会排到更新的消息后面。',
      ],
    },
    wrong: {
      en: 'nack it with requeue=true; RabbitMQ waits before delivering it again.',
      'zh-cn': 'nack 时设 requeue=true，RabbitMQ 会等一会儿再投。',
    },
    why: {
      en:
        'A requeued message is delivered again at once, so a failing downstream is ' +
        'hit in a tight loop; RabbitMQ has no built-in redelivery delay on a queue.',
      'zh-cn': '重新入队的消息会马上再投，出错的下游会被反复猛打；RabbitMQ 的队列本身没有重投延迟。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'delayed-retry', 'zh-cn': '延迟重试' } },
  },
  {
    id: 'spring-kafka-retry-topics',
    topics: ['dlq', 'ordering'],
    brokers: ['kafka'],
    question: {
      en: 'What do Spring Kafka’s retry topics (@RetryableTopic) give you, and what do they cost?',
      'zh-cn': 'Spring Kafka 的重试主题（@RetryableTopic）带来了什么，又有什么代价？',
    },
    answer: {
      en: [
        'Non-blocking retries (since Spring for Apache Kafka 2.7): a failed record is forwarded to a retry topic ' +
          'with a back-off, then the next, and finally to a dead-letter topic, while the main consumer keeps going.',
        'That keeps one bad record from blocking its partition, which a blocking retry in the consumer would do.',
        'The cost, in the documentation’s own words: you lose Kafka’s ordering guarantee for that topic.',
        'And every forward is at-least-once, so the listener must be idempotent; ordered flows need a version check or blocking retries instead.',
      ],
      'zh-cn': [
        '非阻塞重试（Spring for Apache Kafka 2.7 起）：处理失败的记录被转到带退避时间的重试主题，一级一级往后，最后进死信主题，主消费者照常往下走。',
        '这样一条坏记录不会堵住整个分区，而在消费者里阻塞重试就会。',
        '代价，用它文档自己的话说：放弃了 Kafka 在这个 Topic 上的顺序保证。',
        '而且每次转发都是至少一次，监听器必须幂等；需要保序的流程要么加版本号检查，要么改用阻塞重试。',
      ],
    },
    wrong: {
      en: 'Retry topics are just a delayed retry; nothing else changes.',
      'zh-cn': '重试主题只是延迟重试而已，别的什么都没变。',
    },
    why: {
      en: 'The retried record leaves its partition and comes back after records that were behind it, so per-key order is gone.',
      'zh-cn': '被重试的记录离开了它的分区，回来时已经排在原本在它后面的记录之后，按 key 的顺序就没了。',
    },
    see: { chapter: 'concepts/ordering-backlog-retries', section: { en: 'delayed-retry', 'zh-cn': '延迟重试' } },
  },

  // — Frameworks / beyond one consumer (chapters B) —
  {
    id: 'spring-amqp-listener-throws',
    topics: ['dlq', 'acks'],
    brokers: ['rabbitmq'],
    question: {
      en: 'In Spring AMQP, what happens by default when a @RabbitListener method throws?',
      'zh-cn': 'Spring AMQP 里，@RabbitListener 方法抛异常，默认会发生什么？',
    },
    answer: {
      en: [
        'The container runs in AcknowledgeMode.AUTO: it acks after the method returns, and on an exception it nacks the delivery.',
        'defaultRequeueRejected is true by default, so that nack has requeue=true: the message goes straight back to the queue and is delivered again at once.',
        'A poison message therefore loops: forever on a classic queue; on a 4.0–4.2 quorum queue until delivery-limit 20, then it is dropped or dead-lettered.',
        'Exceptions: AmqpRejectAndDontRequeueException in the cause chain means requeue=false; ' +
          'the default ConditionalRejectingErrorHandler turns conversion failures into it.',
      ],
      'zh-cn': [
        '容器默认是 AcknowledgeMode.AUTO：方法返回后替你 ack，抛异常就 nack 这次投递。',
        'defaultRequeueRejected 默认为 true，所以这个 nack 带着 requeue=true：消息立刻回到队列，马上又被投递。',
        '毒消息就会死循环：经典队列上永不停止；RabbitMQ 4.0–4.2 的仲裁队列到投递上限 20 次后丢弃或进死信。',
        '例外：异常链里有 AmqpRejectAndDontRequeueException 就是 requeue=false；默认的 ConditionalRejectingErrorHandler 会把消息转换失败变成这个异常。',
      ],
    },
    wrong: {
      en: 'Spring catches the exception, logs it and acks the message, so it is consumed once and lost.',
      'zh-cn': 'Spring 会捕获异常、打日志然后 ack，这条消息就算消费过了，丢了。',
    },
    why: {
      en:
        'That is what a listener that swallows its own exception does. Spring AMQP’s container rolls the delivery ' +
        'back with basic.nack and requeue=true (defaultRequeueRejected=true), so the message is redelivered, not acked.',
      'zh-cn':
        '那是监听方法自己吞掉异常时的效果。Spring AMQP 的容器会用 basic.nack 回滚这次投递，' +
        '且 requeue=true（defaultRequeueRejected=true），消息会被重投，而不是被 ack。',
    },
    see: { chapter: 'production/frameworks', simulator: 'spring-amqp-poison' },
  },
  {
    id: 'spring-amqp-stop-poison-loop',
    topics: ['dlq'],
    brokers: ['rabbitmq'],
    question: {
      en: 'A message keeps failing in a Spring AMQP listener and the logs are flooded. How do you stop the loop without losing the message?',
      'zh-cn': '一条消息在 Spring AMQP 监听方法里反复失败，日志都被刷屏了。怎么止住循环又不丢消息？',
    },
    answer: {
      en: [
        'Give the queue a dead-letter exchange (x-dead-letter-exchange) so a rejected message is kept, not dropped.',
        'Make failures leave the queue: defaultRequeueRejected=false on the container factory, ' +
          'or throw AmqpRejectAndDontRequeueException for errors you know are permanent.',
        'For transient errors, enable the container’s retry with a back-off; ' +
          'after the last attempt its default recoverer rejects without requeue, into the DLX.',
        'Alert on the dead-letter queue, and make the consumer idempotent before anyone replays it.',
      ],
      'zh-cn': [
        '先给队列配死信交换机（x-dead-letter-exchange），被拒绝的消息才会被留下而不是丢掉。',
        '让失败的消息离开队列：容器工厂上设 defaultRequeueRejected=false，或者对确定是永久性的错误抛 AmqpRejectAndDontRequeueException。',
        '临时性错误打开容器重试并设置回退间隔；重试用完后默认恢复器以不重新入队的方式拒绝，进入死信。',
        '对死信队列设告警；有人重放死信之前，消费端必须已经幂等。',
      ],
    },
    wrong: {
      en: 'Set defaultRequeueRejected=false and you are done.',
      'zh-cn': '把 defaultRequeueRejected 设成 false 就行了。',
    },
    why: {
      en:
        'Without a dead-letter exchange on the queue, a reject with requeue=false makes RabbitMQ ' +
        'drop the message: the loop stops and the order is lost. The DLX is what keeps it.',
      'zh-cn': '队列上没有死信交换机时，requeue=false 的拒绝会让 RabbitMQ 直接丢弃消息：循环是停了，订单也没了。留住消息靠的是死信交换机。',
    },
    see: { chapter: 'production/frameworks', simulator: 'spring-amqp-dlx' },
  },
  {
    id: 'rabbitmq-43-nack-delivery-limit',
    topics: ['dlq'],
    brokers: ['rabbitmq'],
    question: {
      en:
        'We rely on the quorum queue’s delivery-limit to stop poison messages. ' +
        'After upgrading to RabbitMQ 4.3, a Spring AMQP listener loops on one message again. Why?',
      'zh-cn': '我们靠仲裁队列的 delivery-limit 挡毒消息。升级到 RabbitMQ 4.3 后，一个 Spring AMQP 监听方法又在一条消息上死循环了，为什么？',
    },
    answer: {
      en: [
        'Since 4.3 the delivery limit counts failed deliveries only: basic.reject and a lost connection count, a basic.nack with requeue does not.',
        'Spring AMQP’s containers answer a listener exception with basic.nack and ' +
          'requeue=true (defaultRequeueRejected=true), so those returns never reach the limit.',
        'Fix it in the consumer: defaultRequeueRejected=false or AmqpRejectAndDontRequeueException, ' +
          'with a dead-letter exchange; or bounded container retries whose recoverer rejects.',
        'On 4.0–4.2 the same default stopped after 20 returns; before 4.0 there was no default limit at all.',
      ],
      'zh-cn': [
        '4.3 起投递上限只统计失败的投递：basic.reject 和连接断开计数，带 requeue 的 basic.nack 不计数。',
        'Spring AMQP 的容器处理监听方法异常时发的正是带 requeue=true 的 basic.nack（defaultRequeueRejected=true），所以永远到不了上限。',
        '在消费端解决：defaultRequeueRejected=false 或抛 AmqpRejectAndDontRequeueException，再配死信交换机；或者用有上限的容器重试，由恢复器拒绝消息。',
        '在 4.0–4.2 上，同样的默认配置退回 20 次就停；4.0 之前根本没有默认上限。',
      ],
    },
    wrong: {
      en: 'The upgrade reset delivery-limit to unlimited; set it back to 20.',
      'zh-cn': '升级把 delivery-limit 重置成不限了，改回 20 就好。',
    },
    why: {
      en: 'The limit is still 20; what changed is what counts toward it. A nack with requeue no longer does, and that is exactly what Spring sends.',
      'zh-cn': '上限还是 20，变的是什么算一次。带 requeue 的 nack 不再计数，而 Spring 发的恰恰就是它。',
    },
    see: { chapter: 'production/frameworks', simulator: 'spring-amqp-poison' },
  },
  {
    id: 'spring-auto-ack-still-duplicates',
    topics: ['acks', 'idempotency'],
    brokers: ['rabbitmq', 'kafka'],
    question: {
      en: 'Spring acks or commits for us only after the listener returns. Can a message still be processed twice?',
      'zh-cn': 'Spring 要等监听方法返回后才 ack 或提交位点，这样消息还会被处理两次吗？',
    },
    answer: {
      en: [
        'Yes. Acking after the listener is at-least-once: a crash between the database commit and the ack or offset commit redelivers.',
        'Spring AMQP with prefetch 250 sends back every unacked delivery on a crash; ' +
          'Spring Kafka’s BATCH mode re-reads the whole poll batch since the last commit.',
        'So the listener must be idempotent itself: an inbox row keyed on the business key in the same transaction as the change, or a conditional update.',
        'The framework decides when "done" is sent; it cannot make your side effect happen once.',
      ],
      'zh-cn': [
        '会。监听方法之后再 ack 就是至少一次：数据库提交之后、ack 或位点提交之前崩溃，就会重投。',
        'Spring AMQP 的 prefetch 是 250，崩溃时所有未 ack 的投递都会回来；Spring Kafka 的 BATCH 模式会把上次提交之后的整批消息重读一遍。',
        '所以监听方法本身要幂等：按业务键写消费记录，和业务变更在同一个事务里；或者用条件更新。',
        '框架决定的是什么时候发“处理完了”，它没法让你的副作用只发生一次。',
      ],
    },
    wrong: {
      en: 'No: the framework only acks after success, so a message can never be processed twice.',
      'zh-cn': '不会：框架只在成功后才 ack，所以消息不可能被处理两次。',
    },
    why: {
      en: 'Ack-after-success is precisely the at-least-once window: the success happened, the ack did not, and the broker redelivers.',
      'zh-cn': '“成功后再 ack”恰好就是至少一次的那个窗口：业务成功了，ack 没发出去，Broker 就会重投。',
    },
    see: { chapter: 'production/frameworks', simulator: 'spring-kafka-batch' },
  },
  {
    id: 'spring-kafka-commit-defaults',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'How does Spring Kafka commit offsets by default, and what does that change compared with the plain Kafka consumer?',
      'zh-cn': 'Spring Kafka 默认怎么提交位点？和原生 Kafka 消费者相比变了什么？',
    },
    answer: {
      en: [
        'The plain consumer defaults to enable.auto.commit=true every 5 s. Spring Kafka’s ' +
          'container sets it to false unless you set it yourself, and commits itself.',
        'Default AckMode.BATCH: after the listener has returned for every record of one poll, the container commits that batch, synchronously by default.',
        'On a rebalance it commits the offsets of records already processed before giving partitions up, so a deploy does not re-read them.',
        'A crash between your commit and the container’s still re-reads the batch; RECORD mode shrinks the window, an idempotent listener closes it.',
      ],
      'zh-cn': [
        '原生消费者默认 enable.auto.commit=true，每 5 秒自动提交。Spring Kafka 的容器只要你没自己配，就把它设成 false，改由容器提交。',
        '默认 AckMode.BATCH：一次 poll 拉到的消息全部处理完，容器才提交这一批，默认同步提交。',
        '再均衡时，它会在交出分区前先提交已处理消息的位点，所以发版不会把这些消息重读一遍。',
        '在你的事务提交之后、容器提交之前崩溃，整批照样重读；RECORD 模式能缩小窗口，监听方法幂等才能真正堵上。',
      ],
    },
    wrong: {
      en: 'Spring Kafka uses Kafka’s auto-commit every 5 seconds, like the plain client.',
      'zh-cn': 'Spring Kafka 和原生客户端一样，用 Kafka 的自动提交，每 5 秒一次。',
    },
    why: {
      en:
        'The container turns enable.auto.commit off when you have not set it and commits after ' +
        'the listener (AckMode.BATCH), per KafkaMessageListenerContainer and ContainerProperties.',
      'zh-cn':
        '你没有配置时，容器会把 enable.auto.commit 关掉，在监听方法之后自己提交（AckMode.BATCH），' +
        '见 KafkaMessageListenerContainer 和 ContainerProperties 的源码。',
    },
    see: { chapter: 'production/frameworks', simulator: 'spring-kafka-batch' },
  },
  {
    id: 'spring-kafka-default-error-handler',
    topics: ['dlq'],
    brokers: ['kafka'],
    question: {
      en: 'What does Spring Kafka’s DefaultErrorHandler do with a record whose listener keeps throwing?',
      'zh-cn': 'Spring Kafka 的 DefaultErrorHandler 怎么处理一条监听方法一直抛异常的消息？',
    },
    answer: {
      en: [
        'It retries with a back-off of 9 retries and no delay (FixedBackOff(0, 9)): 10 attempts in all.',
        'Each retry is a real re-read: it seeks the partition back to the failed record, so the records after it in the batch are fetched again too.',
        'After the last attempt the default recoverer only logs the record; the container moves past it and later commits past it. The message is gone.',
        'So configure a DeadLetterPublishingRecoverer (to <topic>-dlt), a back-off with a delay, and not-retryable exceptions for permanent errors.',
      ],
      'zh-cn': [
        '它按“重试 9 次、没有间隔”的回退策略重试（FixedBackOff(0, 9)），一共试 10 次。',
        '每次重试都是真的重新消费：把分区位点回退到失败的那条，同一批里排在后面的消息也会被重新拉取。',
        '最后一次失败后，默认恢复器只打一条日志；容器越过这条继续处理，之后提交的位点也越过它。消息就没了。',
        '所以要配 DeadLetterPublishingRecoverer（发到 <topic>-dlt）、带间隔的回退策略，以及对永久性错误不重试的异常。',
      ],
    },
    wrong: {
      en: 'The partition stops at the failing record and retries it forever, so nothing is lost.',
      'zh-cn': '分区会卡在失败的那条上一直重试，所以不会丢。',
    },
    why: {
      en:
        'The default back-off is finite (SeekUtils.DEFAULT_BACK_OFF) and the default recoverer logs ' +
        'and skips (FailedRecordTracker), so the record is lost unless you add a dead-letter recoverer.',
      'zh-cn': '默认回退策略是有限的（SeekUtils.DEFAULT_BACK_OFF），默认恢复器只打日志并跳过（FailedRecordTracker），不加死信恢复器，这条消息就丢了。',
    },
    see: { chapter: 'production/frameworks', section: { en: 'what-happens-when-the-listener-throws', 'zh-cn': '监听方法抛异常时' } },
  },
  {
    id: 'rocketmq-spring-listener-exception',
    topics: ['dlq', 'acks'],
    brokers: ['rocketmq'],
    question: {
      en: 'With rocketmq-spring’s RocketMQListener there is no status to return. How do you ask for a retry, and what goes wrong if you catch the exception?',
      'zh-cn': 'rocketmq-spring 的 RocketMQListener 没有返回状态，怎么让消息重试？如果自己把异常 catch 住会怎样？',
    },
    answer: {
      en: [
        'The container maps it: onMessage returns → CONSUME_SUCCESS; onMessage throws ' +
          '→ RECONSUME_LATER (concurrent) or SUSPEND_CURRENT_QUEUE_A_MOMENT (orderly).',
        'maxReconsumeTimes defaults to -1: 16 retries at growing delays (10 s … 2 h) in concurrent mode, then %DLQ%<group>.',
        'A listener that catches and logs returns normally, which reports success: no retry, no dead-letter queue, the message is lost.',
        'Retries are redeliveries, so dedupe on the business key in keys, not on msgId.',
      ],
      'zh-cn': [
        '容器替你映射：onMessage 正常返回 → CONSUME_SUCCESS；抛异常 → 并发消费 RECONSUME_LATER，顺序消费 SUSPEND_CURRENT_QUEUE_A_MOMENT。',
        'maxReconsumeTimes 默认 -1：并发消费按越来越长的间隔（10 秒……2 小时）重试 16 次，然后进 %DLQ%<group>。',
        '监听方法自己 catch 住、打日志然后正常返回，等于报告成功：不重试、不进死信，消息丢了。',
        '重试就是重投，所以用 keys 里的业务键去重，不要用 msgId。',
      ],
    },
    wrong: {
      en: 'Catch every exception and log it so the consumer never gets stuck.',
      'zh-cn': '把所有异常都 catch 住打日志，消费者就不会卡住。',
    },
    why: {
      en: 'DefaultRocketMQListenerContainer only returns RECONSUME_LATER when onMessage throws; a swallowed exception is reported as CONSUME_SUCCESS.',
      'zh-cn': 'DefaultRocketMQListenerContainer 只有在 onMessage 抛异常时才返回 RECONSUME_LATER；被吞掉的异常会被报告成 CONSUME_SUCCESS。',
    },
    see: {
      chapter: 'production/frameworks',
      section: { en: 'rocketmq-spring-return-means-success-throw-means-later', 'zh-cn': 'rocketmq-spring正常返回就是成功抛异常就是稍后重试' },
    },
  },
  {
    id: 'rocketmq-spring-orderly-poison',
    topics: ['ordering', 'dlq'],
    brokers: ['rocketmq'],
    question: {
      en: 'A rocketmq-spring listener with consumeMode ORDERLY is stuck on one message and the queue behind it no longer moves. Why, and what do you change?',
      'zh-cn': '一个 consumeMode 为 ORDERLY 的 rocketmq-spring 监听器卡在一条消息上，后面的消息都不动了。为什么？怎么改？',
    },
    answer: {
      en: [
        'In orderly mode an exception suspends the queue (SUSPEND_CURRENT_QUEUE_A_MOMENT, 1000 ms) and retries the same message locally, in order.',
        '@RocketMQMessageListener keeps maxReconsumeTimes at -1, which the client reads as Integer.MAX_VALUE in orderly mode: it never gives up.',
        'Set maxReconsumeTimes explicitly (say 3–5) so the message goes to the dead-letter queue, and alert on it.',
        'Decide whether the rest of that queue may go on without it; if order matters, a parked message needs a person before the next one.',
      ],
      'zh-cn': [
        '顺序消费时抛异常会挂起这个队列（SUSPEND_CURRENT_QUEUE_A_MOMENT，1000 毫秒），在本地按顺序重试同一条消息。',
        '@RocketMQMessageListener 的 maxReconsumeTimes 默认还是 -1，客户端在顺序消费下按 Integer.MAX_VALUE 处理：永不放弃。',
        '显式设置 maxReconsumeTimes（比如 3–5），让消息能进死信队列，并对死信设告警。',
        '再想清楚这个队列后面的消息能不能先走；如果顺序要紧，进了死信的消息要人处理完，后面的才能继续。',
      ],
    },
    wrong: {
      en: 'rocketmq-spring caps retries at 16 and then dead-letters, in every mode.',
      'zh-cn': 'rocketmq-spring 在任何模式下都是重试 16 次后进死信。',
    },
    why: {
      en:
        '16 is what -1 means in concurrent mode only; in orderly mode the same -1 ' +
        'means Integer.MAX_VALUE retries (RocketMQMessageListener.maxReconsumeTimes).',
      'zh-cn': '16 次只是 -1 在并发消费下的含义；顺序消费下同样的 -1 意味着 Integer.MAX_VALUE 次重试（见 RocketMQMessageListener.maxReconsumeTimes）。',
    },
    see: {
      chapter: 'production/frameworks',
      section: { en: 'rocketmq-spring-return-means-success-throw-means-later', 'zh-cn': 'rocketmq-spring正常返回就是成功抛异常就是稍后重试' },
    },
  },
  {
    id: 'inbox-table-cleanup',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Your dedup (inbox) table has billions of rows. How long do you keep rows, and how do you delete them?',
      'zh-cn': '消费记录表已经几十亿行了。记录要保留多久？怎么删？',
    },
    answer: {
      en: [
        'At least the redelivery horizon, plus a margin: the longest a copy can still arrive (Kafka log retention, ' +
          '7 days by default; RocketMQ retries and file retention; how long dead letters are kept and replayed).',
        'Partition the table by time and drop or detach whole partitions older than that: no row-by-row delete, no bloat.',
        'A unique index on a partitioned table must include the partition key, so partition by the ' +
          'event’s own date (carried in the message): every copy then lands in the same partition.',
        'Otherwise delete in small batches, each its own short transaction; keep the rows narrow (key, time, result).',
      ],
      'zh-cn': [
        '至少一个重投窗口再加余量：一份副本最晚可能什么时候到（Kafka 日志默认保留 7 天；RocketMQ 的重试跨度和文件保留时间；死信保留和重放多久）。',
        '按时间分区，整块删除或分离超出窗口的旧分区：不用逐行删，也没有膨胀。',
        '分区表的唯一索引必须包含分区键，所以按消息里带的事件日期分区：同一条消息的每份副本都会落在同一个分区。',
        '不分区就小批量删除，每批一个短事务；行要窄（业务键、时间、结果）。',
      ],
    },
    wrong: {
      en: "Run DELETE FROM inbox WHERE created_at < now() - interval '1 day' every night.",
      'zh-cn': "每晚跑一次 DELETE FROM inbox WHERE created_at < now() - interval '1 day'。",
    },
    why: {
      en:
        'One day can be shorter than the redelivery horizon, so a late copy finds no row and is processed ' +
        'again; and one huge DELETE is one huge transaction that locks, bloats and lags replicas.',
      'zh-cn': '一天可能比重投窗口短，晚到的副本查不到记录就会再处理一次；一条巨大的 DELETE 就是一个巨大的事务，锁表、膨胀、拖慢从库。',
    },
    see: { chapter: 'production/at-scale', simulator: 'ttl-too-short' },
  },
  {
    id: 'redis-cache-in-front-of-inbox',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'The inbox insert is too slow at our volume. Can we put Redis in front of it, and how?',
      'zh-cn': '量太大，插消费记录表太慢。能不能在前面加一层 Redis？怎么加？',
    },
    answer: {
      en: [
        'Yes, as a filter, never as the decision: Redis and the database share no transaction, ' +
          'Redis keys expire or get evicted, and asynchronous replication can lose writes on failover.',
        'Write the Redis mark only after the database transaction commits.',
        'On each message: mark present → ack and skip (a mark exists only for committed work); ' +
          'mark absent → run the inbox transaction, whose unique key decides.',
        'Never SET NX before the work: a crash between the SET and the write makes the redelivery skip a message that was never processed.',
      ],
      'zh-cn': [
        '能，但只能当过滤层，不能拍板：Redis 和数据库没有共同的事务，键会过期、会被淘汰，异步复制在主从切换时还可能丢写入。',
        'Redis 标记只在数据库事务提交之后写。',
        '每条消息：标记在 → ack 并跳过（标记只会出现在已提交的工作上）；标记不在 → 走消费记录表的事务，由唯一键拍板。',
        '绝不在处理之前 SET NX：SET 之后、写库之前崩溃，重投的消息会被跳过，而它其实从没处理过。',
      ],
    },
    wrong: {
      en: 'Replace the table with SET key NX EX 86400 before processing; Redis is atomic.',
      'zh-cn': '把表换成处理前 SET key NX EX 86400，Redis 是原子的。',
    },
    why: {
      en:
        'SET NX is atomic on its own, not together with the database write: a crash after the SET and before the ' +
        'write loses the message, and a TTL shorter than the redelivery horizon lets a late duplicate through.',
      'zh-cn': 'SET NX 自身是原子的，但和数据库写入合在一起不是：SET 之后、写库之前崩溃，消息就丢了；TTL 比重投窗口短，晚到的重复就放过去了。',
    },
    see: { chapter: 'production/at-scale', simulator: 'setnx-first' },
  },
  {
    id: 'bloom-filter-dedup',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Can a Bloom filter deduplicate messages?',
      'zh-cn': '能用布隆过滤器给消息去重吗？',
    },
    answer: {
      en: [
        'Not on its own. It answers "definitely not seen" or "maybe seen": no false negatives, but false ' +
          'positives at the rate you size it for (1% costs about 7 hash functions and under 10 bits per key).',
        'Skipping on "maybe seen" silently drops that share of new messages.',
        'Use it only to short-cut the negative: "definitely new" may skip an expensive lookup, "maybe seen" is confirmed against the durable store.',
        'A plain Bloom filter cannot delete, so rotate filters per time window sized for the redelivery horizon.',
      ],
      'zh-cn': [
        '单靠它不行。它只回答“一定没见过”或“可能见过”：不会漏判，但会按你设定的误判率误判（1% 大约要 7 个哈希函数、每个键不到 10 个比特）。',
        '凭“可能见过”就跳过，会悄悄丢掉相应比例的新消息。',
        '只用它的否定回答：“一定没见过”可以省掉一次昂贵的查询，“可能见过”要回持久存储确认。',
        '普通布隆过滤器不能删除，要按时间窗口轮换，容量按重投窗口估算。',
      ],
    },
    wrong: {
      en: 'Yes: if the Bloom filter says the id exists, the message is a duplicate, so skip it.',
      'zh-cn': '能：布隆过滤器说这个 ID 存在，就说明是重复消息，直接跳过。',
    },
    why: {
      en:
        'A Bloom filter’s "exists" is only "maybe": false positives are built in ' +
        '(BF.RESERVE takes the error rate as a parameter), so trusting it loses new messages.',
      'zh-cn': '布隆过滤器的“存在”只是“可能存在”：误判是它的设计的一部分（BF.RESERVE 的参数里就有误判率），信它就会丢新消息。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'bloom-filters', 'zh-cn': '布隆过滤器' } },
  },
  {
    id: 'sharded-dedup-key',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Our orders are sharded across databases. Where does the dedup record go, and what must the dedup key contain?',
      'zh-cn': '订单已经分库分表了。消费记录放在哪？去重键里必须包含什么？',
    },
    answer: {
      en: [
        'On the same shard as the row it protects, routed by the same sharding key (say ' +
          'the order id), so the inbox insert and the change stay one local transaction.',
        'A unique index is unique per shard only, so the dedup key must contain the sharding key.',
        'Route messages by the same key (Kafka record key, RocketMQ MessageQueueSelector): ' +
          'copies of one order reach one consumer in turn, which removes concurrent races but not redeliveries.',
      ],
      'zh-cn': [
        '和它保护的那一行放在同一个分片上，用同一个分片键（比如订单号）路由，插消费记录和业务变更仍是一个本地事务。',
        '唯一索引只在单个分片内唯一，所以去重键里必须包含分片键。',
        '消息也按同一个键路由（Kafka 的消息 key、RocketMQ 的 MessageQueueSelector）：同一订单的副本依次到达同一个消费者，没了并发竞争，但重投照样会来。',
      ],
    },
    wrong: {
      en: 'Keep one central dedup table for all shards so every key is checked in one place.',
      'zh-cn': '所有分片共用一张中心消费记录表，所有键在一个地方检查。',
    },
    why: {
      en:
        'A central table lives in another database than the business row, so the insert and the change ' +
        'are no longer one transaction: you are back to a distributed transaction or a crash window.',
      'zh-cn': '中心表和业务数据不在同一个库，插入记录和业务变更就不再是一个事务：要么回到分布式事务，要么留下崩溃窗口。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'sharding-the-dedup-key', 'zh-cn': '去重键怎么分片' } },
  },
  {
    id: 'kafka-static-membership',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'Every rolling deploy of our Kafka consumers causes a burst of duplicates. What does static membership change, and what doesn’t it?',
      'zh-cn': '每次滚动发版 Kafka 消费者都会冒出一批重复。静态成员能改变什么，改变不了什么？',
    },
    answer: {
      en: [
        'Static membership (KIP-345, Kafka 2.3): each instance has a stable group.instance.id; it does not leave the ' +
          'group on shutdown, and coming back within session.timeout.ms it gets its old partitions without a rebalance.',
        'So a rolling deploy stops reshuffling the whole group, and fewer partitions change hands.',
        'It does not change where reading resumes: the restarted member, like any new owner, ' +
          'starts at the committed offset and re-reads what was processed after it.',
        'Cost: a member that really died keeps its partitions unread until the session timeout; and the consumer stays idempotent.',
      ],
      'zh-cn': [
        '静态成员（KIP-345，Kafka 2.3）：每个实例有固定的 group.instance.id；' +
          '关闭时不离开消费者组，在 session.timeout.ms 内回来就直接拿回原来的分区，不触发再均衡。',
        '于是滚动发版不再让整个组重新分配，换手的分区少了。',
        '它不改变从哪里继续读：重启回来的成员和任何新接手的消费者一样，从已提交的位点开始，把之后处理过的消息再读一遍。',
        '代价：真挂掉的成员会占着分区不消费，直到会话超时；消费端照样要幂等。',
      ],
    },
    wrong: {
      en: 'Static membership keeps the same consumer on the partition, so it remembers what it processed and there are no duplicates.',
      'zh-cn': '静态成员让同一个消费者一直负责这个分区，它记得处理过什么，所以不会重复。',
    },
    why: {
      en: 'A restarted process has no memory; Kafka’s only progress marker is the committed offset, and everything after it is read again.',
      'zh-cn': '重启后的进程什么都不记得；Kafka 唯一的进度标记是已提交的位点，它之后的消息都会再读一遍。',
    },
    see: { chapter: 'production/at-scale', simulator: 'deploy-handover' },
  },
  {
    id: 'kafka-cooperative-rebalancing',
    topics: ['acks'],
    brokers: ['kafka'],
    question: {
      en: 'What are cooperative rebalancing and the new consumer group protocol, and do they remove rebalance duplicates?',
      'zh-cn': '协作式再均衡和新的消费者组协议是什么？能消除再均衡带来的重复吗？',
    },
    answer: {
      en: [
        'Eager rebalancing revokes every partition from every member, then reassigns. Cooperative rebalancing (KIP-429, ' +
          'Kafka 2.4, CooperativeStickyAssignor) revokes only the partitions that move; the rest keep being consumed.',
        'Since 3.0 the default partition.assignment.strategy is [RangeAssignor, CooperativeStickyAssignor], ' +
          'which still runs Range; you switch by removing RangeAssignor from the list, in one rolling restart.',
        'KIP-848 (group.protocol=consumer, production-ready in 4.0) moves assignment to the ' +
          'broker and makes every rebalance incremental; the client default is still classic.',
        'Neither removes the duplicate: a partition that does move resumes at its committed offset. ' +
          'They reduce how often; commit in onPartitionsRevoked and dedupe for the rest.',
      ],
      'zh-cn': [
        '急切式再均衡先收回所有成员的所有分区，再重新分配。协作式再均衡（KIP-429，Kafka 2.4，CooperativeStickyAssignor）只收回需要挪走的分区，其余照常消费。',
        'Kafka 3.0 起 partition.assignment.strategy 默认是 [RangeAssignor, CooperativeStickyAssignor]，' +
          '实际用的还是 Range；把 RangeAssignor 从列表里去掉、滚动重启一轮，才算切换过去。',
        'KIP-848（group.protocol=consumer，4.0 起可用于生产）把分配挪到 Broker 端，每次再均衡都是增量的；客户端默认仍是 classic。',
        '两者都消除不了重复：真正被挪走的分区仍从已提交的位点继续。它们减少的是次数；剩下的靠 onPartitionsRevoked 里提交位点加消费端去重。',
      ],
    },
    wrong: {
      en: 'Kafka 3.0 made cooperative-sticky the default, so rebalances no longer cause duplicates.',
      'zh-cn': 'Kafka 3.0 已经默认用 cooperative-sticky，再均衡不会再造成重复。',
    },
    why: {
      en: 'The 3.0 default lists Range first, so groups still rebalance eagerly until you drop it; and any moved partition restarts from the committed offset.',
      'zh-cn': '3.0 的默认值里 Range 排在前面，不把它去掉，组仍然按急切式再均衡；而且任何被挪走的分区都从已提交的位点重新开始。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'fewer-kafka-rebalances', 'zh-cn': '减少-kafka-再均衡' } },
  },
  {
    id: 'distributed-lock-vs-dedup',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'Can a distributed lock on the order id prevent duplicate consumption?',
      'zh-cn': '对订单号加分布式锁，能防止重复消费吗？',
    },
    answer: {
      en: [
        'It prevents two copies running at the same moment, not two copies running: the second takes ' +
          'the lock after the first releases it and does the work again, unless it finds a durable record.',
        'A lease can expire mid-work (GC pause, slow call, partition), so two holders can write; the first does not know.',
        'A lock is not a fence: only the storage can refuse a stale holder, with a fencing ' +
          'token (Redisson’s RFencedLock hands one out; a plain RLock does not) or a version check.',
        'So the decision stays in the database (inbox unique key, conditional or versioned update, ' +
          'SELECT … FOR UPDATE in the same transaction); a lock only saves work under contention.',
      ],
      'zh-cn': [
        '它防的是两份副本同时执行，而不是执行两次：第一份释放锁之后，第二份拿到锁照样再做一遍，除非它能查到持久的记录。',
        '租期可能在干活中途到期（GC 停顿、慢调用、网络分区），于是两个持有者都在写，而第一个毫不知情。',
        '锁不是防护：能拒绝过期持有者的只有存储本身，靠防护令牌（Redisson 的 RFencedLock 会发，普通 RLock 不发）或版本号检查。',
        '所以拍板的还是数据库（消费记录表的唯一键、条件更新或版本号更新、同一事务里的 SELECT … FOR UPDATE）；锁只是在竞争激烈时省点事。',
      ],
    },
    wrong: {
      en: 'Yes: take a Redisson lock on the order id before processing, and only one consumer can process the message.',
      'zh-cn': '能：处理前对订单号加一把 Redisson 锁，同一条消息就只有一个消费者能处理。',
    },
    why: {
      en: 'Only one at a time, not only once: the lock holds nothing after release, and its lease can run out while the holder still works.',
      'zh-cn': '锁保证的是“同一时刻只有一个”，不是“只有一次”：释放之后它什么都不记得，而且持有者还在干活时租期就可能到期。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'distributed-locks', 'zh-cn': '分布式锁' } },
  },
  {
    id: 'redisson-watchdog',
    topics: ['idempotency'],
    brokers: ['general'],
    question: {
      en: 'How does Redisson’s lock watchdog work, and when does it not protect you?',
      'zh-cn': 'Redisson 的看门狗是怎么工作的？什么情况下它保护不了你？',
    },
    answer: {
      en: [
        'lock() without a lease time sets the key’s expiry to lockWatchdogTimeout (30000 ms by default) ' +
          'and renews it every third of that (10 s) while the holding client is alive.',
        'If the client dies, renewal stops and the lock expires within 30 s, so a crash does not leave it locked for ever.',
        'With an explicit lease (lock(leaseTime, unit), tryLock(wait, leaseTime, unit)) ' +
          'there is no watchdog: the lock ends when the lease does, finished or not.',
        'It cannot help when the holder is alive but stalled or cut off from Redis longer than the timeout, ' +
          'or when a Redis failover loses the lock key; guard the write itself with a version check.',
      ],
      'zh-cn': [
        '不传租期调用 lock()，锁键的过期时间就是 lockWatchdogTimeout（默认 30000 毫秒），只要持锁的客户端还活着，每隔三分之一（10 秒）续期一次。',
        '客户端挂了，续期停止，锁在 30 秒内过期，所以崩溃不会让锁永远占着。',
        '指定了租期（lock(leaseTime, unit)、tryLock(wait, leaseTime, unit)）就没有看门狗：租期一到锁就没了，不管活干完没有。',
        '持有者活着但卡住、或者和 Redis 断开的时间超过超时，或者 Redis 主从切换丢了锁键，它都帮不了你；写入本身要靠版本号检查来防护。',
      ],
    },
    wrong: {
      en: 'The watchdog renews the lock until unlock() is called, so the lock can never expire while the business code runs.',
      'zh-cn': '看门狗会一直续期直到调用 unlock()，所以业务代码执行期间锁不可能过期。',
    },
    why: {
      en:
        'Renewal needs the client to reach Redis every 10 s; a long pause or a partition stops it, ' +
        'the key expires after 30 s, and another client can lock while the first still runs.',
      'zh-cn': '续期要求客户端每 10 秒都能连上 Redis；长时间停顿或网络分区会让续期停下，30 秒后键过期，第一个客户端还在执行，别的客户端已经能加锁了。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'distributed-locks', 'zh-cn': '分布式锁' } },
  },
  {
    id: 'api-idempotency-token',
    topics: ['idempotency', 'producer'],
    brokers: ['general'],
    question: {
      en: 'How do you make a payment API idempotent when clients retry after timeouts?',
      'zh-cn': '客户端超时后会重试，支付接口怎么做幂等？',
    },
    answer: {
      en: [
        'Give every operation a key that survives retries: a token the server issued for ' +
          'the form, or an Idempotency-Key the client generates per operation and reuses.',
        'Record the key in the same transaction as the payment, under a unique constraint, with the result; ' +
          'a repeat finds it and gets the stored result back (Stripe keeps keys for at least 24 hours).',
        'If the token lives in Redis, consuming it (DEL returns 1 for the first caller) before the work ' +
          'has the SET NX trap: a failure after the delete loses the request and the retry is refused.',
        'Payment providers downstream need their own idempotency key, derived from the same business key.',
      ],
      'zh-cn': [
        '给每个操作一个跨重试不变的键：服务端为表单发的令牌，或者客户端为每个操作生成、重试时复用的 Idempotency-Key。',
        '把这个键连同处理结果，和支付写在同一个事务里，加唯一约束；重复请求查到它，就返回保存的结果（Stripe 的键至少保留 24 小时）。',
        '令牌放在 Redis 里时，先消费令牌（第一个调用者 DEL 返回 1）再干活，就是 SET NX 那个坑：删完令牌后处理失败，请求丢了，重试还被拒绝。',
        '下游的支付渠道需要自己的幂等键，由同一个业务键派生出来。',
      ],
    },
    wrong: {
      en: 'Disable the submit button after the first click and use a Redis token that is deleted when the request arrives.',
      'zh-cn': '点一次就把提交按钮置灰，再加一个请求到达时就删除的 Redis 令牌。',
    },
    why: {
      en:
        'A disabled button doesn’t stop network-level retries, and deleting the token before ' +
        'the work is done makes a failed first attempt unrecoverable: the retry is refused.',
      'zh-cn': '按钮置灰挡不住网络层的重试；活还没干完就删令牌，第一次失败后就无法恢复：重试会被拒绝。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'idempotency-tokens-for-apis', 'zh-cn': '接口幂等令牌方案' } },
  },
  {
    id: 'business-id-generation',
    topics: ['producer', 'idempotency'],
    brokers: ['general'],
    question: {
      en: 'Where does the dedup key come from across many producer instances? How do snowflake and segment ids work, and what breaks them?',
      'zh-cn': '多实例的生产者，去重键从哪来？雪花算法和号段模式怎么工作，什么情况下会出问题？',
    },
    answer: {
      en: [
        'It is created once, with the business row (order id plus operation), and reused by every retry; never generated per send.',
        'Snowflake: 64 bits = 41 bits of milliseconds since a custom epoch, 10 bits of worker id, ' +
          '12 bits of sequence (4096 per ms per worker); local and time-ordered.',
        'It breaks with two workers sharing an id or a clock that steps backwards: the generator must refuse to issue ids until time catches up.',
        'Segment mode: a worker reserves a range from a database row (max_id += step) and serves it from memory, prefetching the next range (Meituan Leaf).',
      ],
      'zh-cn': [
        '它只生成一次，和业务数据一起落库（订单号加操作类型），每次重试都复用；绝不在每次发送时现生成。',
        '雪花算法：64 位 = 41 位毫秒时间戳（自定义纪元）+ 10 位机器号 + 12 位序列号（每台每毫秒 4096 个）；本地生成、按时间递增。',
        '两台机器用了同一个机器号，或者时钟回拨，就会出重复 ID：生成器必须在时间追上之前拒绝发号。',
        '号段模式：节点从数据库的一行里预留一段号（max_id += step），在内存里发，并提前取下一段（美团 Leaf）。',
      ],
    },
    wrong: {
      en: 'Use the broker’s message id, or a UUID generated when the message is sent.',
      'zh-cn': '用 Broker 的消息 ID，或者发送时生成一个 UUID。',
    },
    why: {
      en: 'Both change on a re-send: RocketMQ gives a re-sent message a new msgId, and a per-send UUID makes every retry look new, so nothing is deduplicated.',
      'zh-cn': '这两者在重新发送时都会变：RocketMQ 重发的消息会拿到新的 msgId，每次发送现生成的 UUID 让每次重试都像一条新消息，什么也去不了重。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'generating-business-keys', 'zh-cn': '业务-id-怎么生成' } },
  },
  {
    id: 'reconciliation-last-line',
    topics: ['testing', 'idempotency'],
    brokers: ['general'],
    question: {
      en: 'You have idempotent consumers and dead-letter queues. Why would you still run reconciliation (对账), and how?',
      'zh-cn': '已经有幂等消费和死信队列了，为什么还要对账？怎么做？',
    },
    answer: {
      en: [
        'Because every mechanism has gaps: effects outside your database (a payment provider, ' +
          'an email) can still happen twice, and a limit or a bug can still drop a message.',
        'A periodic job compares your records with the other side’s (orders vs. charges, your ledger vs. ' +
          'the provider’s settlement file) and lists every difference: charged twice, paid but not marked, marked but not paid.',
        'Each difference gets a compensation that is itself idempotent: a refund keyed by the duplicate charge, a re-publish with the original business key.',
        'Alert on reconciliation differences and on dead-letter queues: that is how you learn the other defences failed.',
      ],
      'zh-cn': [
        '因为每种机制都有缺口：数据库之外的副作用（支付渠道、邮件）仍可能发生两次，某个上限或某个 bug 仍可能丢消息。',
        '定期任务把自己的记录和对方的逐条比对（订单对扣款、自己的流水对支付渠道的结算文件），列出所有差异：重复扣款、付了款没标记、标记了没付款。',
        '每条差异用本身也幂等的补偿来修：按重复扣款的流水号退款，用原来的业务键重新发布。',
        '对账差异和死信队列都要告警：其他防线失效，就是靠它们发现的。',
      ],
    },
    wrong: {
      en: 'No need: with exactly-once semantics and idempotent consumers nothing can be duplicated or lost.',
      'zh-cn': '不需要：有了精确一次语义和幂等消费，就不会有重复也不会丢。',
    },
    why: {
      en:
        'Exactly-once stops at the broker’s edge and idempotency at your database’s; ' +
        'side effects elsewhere and dropped messages are only found by comparing with the other side.',
      'zh-cn': '精确一次止于 Broker 的边界，幂等止于你自己的数据库；别处的副作用和丢掉的消息，只有和对方比对才能发现。',
    },
    see: { chapter: 'production/at-scale', section: { en: 'reconciliation-and-compensation', 'zh-cn': '对账与补偿' } },
  },
  {
    id: 'spring-kafka-dead-letter-topic',
    topics: ['dlq'],
    brokers: ['kafka'],
    question: {
      en: 'How do you set up dead-lettering for a Spring Kafka listener, and what do you tune besides the recoverer?',
      'zh-cn': 'Spring Kafka 的监听方法怎么配死信？除了恢复器还要调什么？',
    },
    answer: {
      en: [
        'Pass a DeadLetterPublishingRecoverer to the DefaultErrorHandler: after the last attempt ' +
          'it publishes the record to <topic>-dlt (since 3.3; .DLT before) and the container moves on.',
        'Replace the default back-off (9 retries, no delay) with one that waits, a FixedBackOff with ' +
          'an interval or an ExponentialBackOff, so a short outage doesn’t burn all attempts at once.',
        'Mark permanent failures not retryable (addNotRetryableExceptions) so they go to the dead-letter topic at once.',
        'For long waits use retry topics (@RetryableTopic) instead of blocking the partition; and alert on the dead-letter topic.',
      ],
      'zh-cn': [
        '给 DefaultErrorHandler 传一个 DeadLetterPublishingRecoverer：最后一次失败后，它把消息发到 <topic>-dlt（3.3 起；之前是 .DLT），容器再继续往下。',
        '把默认回退策略（重试 9 次、无间隔）换成有间隔的：带间隔的 FixedBackOff 或 ExponentialBackOff，短暂故障才不会一下子把次数用光。',
        '把永久性失败标成不重试（addNotRetryableExceptions），直接进死信主题。',
        '需要长时间等待就用重试主题（@RetryableTopic），不要堵住分区；死信主题要设告警。',
      ],
    },
    wrong: {
      en: 'Spring Kafka already sends failed records to a DLT by default after 10 attempts.',
      'zh-cn': 'Spring Kafka 默认 10 次失败后就会把消息发到死信主题。',
    },
    why: {
      en: 'The default recoverer only logs (FailedRecordTracker); dead-letter publishing happens only when you configure DeadLetterPublishingRecoverer.',
      'zh-cn': '默认恢复器只打日志（FailedRecordTracker）；只有配置了 DeadLetterPublishingRecoverer 才会发到死信主题。',
    },
    see: { chapter: 'production/frameworks', section: { en: 'what-happens-when-the-listener-throws', 'zh-cn': '监听方法抛异常时' } },
  },
];
