// RocketMQ's requests and responses on the network.
declare module '../../core/types' {
  interface PayloadKinds {
    send: { msg: Message };
    sendResult: { msgId: string };
    join: { inc: number };
    leave: { inc: number };
    pull: { queue: string; offset: number; inc: number };
    pulled: { queue: string; records: LogRecord[]; inc: number };
    persist: { offsets: Record<string, number>; inc: number };
    sendBack: { record: LogRecord; queue: string };
    allocate: { queues: string[]; offsets: Record<string, number> };
  }
}

export {};
