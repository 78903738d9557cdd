// Kafka's requests and responses on the network (the group's join and leave are RocketMQ's too).
declare module '../../core/types' {
  interface PayloadKinds {
    produce: { msg: Message; pid: number; seq: number };
    produceResponse: { msgId: string; duplicate: boolean };
    join: { inc: number };
    assign: { generation: number; offset: number | null };
    fetch: { generation: number; offset: number };
    records: { generation: number; records: LogRecord[] };
    commit: { generation: number; offset: number; inc: number };
    commitResponse: { ok: boolean; offset: number };
    leave: { inc: number };
    rebalance: object;
    txnProduce: { msgId: string; key: string; inc: number };
    txnCommit: { generation: number; offset: number; inc: number };
  }
}

export {};
