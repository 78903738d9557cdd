// Apache Pulsar's commands on the network (the binary protocol's CommandProducer, CommandSend,
// CommandSendReceipt, CommandMessage, CommandAck, CommandRedeliverUnacknowledgedMessages), named so no
// other broker's kind is taken. A consumer's subscribe and its disconnect are the generic `ready` and `closed`.
declare module '../../core/types' {
  interface PayloadKinds {
    /** A producer connects under a name; the broker answers with the last sequence id it has for that name. */
    producerCommand: { name: string };
    producerSuccess: { name: string; lastSequenceId: number };
    /** A message from a producer: its name and sequence id are what broker deduplication keys on. */
    sendCommand: { msg: Message; producer: string; seq: number };
    /** The broker's answer: stored at `entry`, or a duplicate it dropped (entry -1, the client's `-1:-1`). */
    sendReceipt: { msgId: string; seq: number; entry: number };
    /** A message dispatched to a consumer, with the redelivery count the broker keeps for it. */
    messageCommand: { delivery: Delivery; entry: number; redeliveryCount: number };
    /** The acks a consumer's grouping tracker flushes at once (individual acks, by entry id). */
    ackCommand: { entries: number[]; channel: number };
    /** A consumer asks for these entries again (a negative ack, an ack timeout). */
    redeliverCommand: { entries: number[]; channel: number };
    /** The client publishes a message to the dead-letter topic `orders-billing-DLQ` (then acks the original). */
    deadLetterSend: { msgId: string; entry: number };
  }
}

export {};
