import { DataSource } from 'typeorm';
import { Post } from './entity/post';
import { Profile } from './entity/profile';
import { User } from './entity/user';

export const AppDataSource = new DataSource({ type: 'postgres', entities: [User, Profile, Post] });
