/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'
declare module '*.css'

/** Base URL of the API, fixed at build time from TARO_APP_API_BASE ('' = same origin). */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd'
    TARO_APP_API_BASE?: string
  }
}
